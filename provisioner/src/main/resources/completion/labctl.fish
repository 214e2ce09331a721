# fish completion for labctl. Enable it with:  labctl completion fish | source
# (or save this output as ~/.config/fish/completions/labctl.fish).
# Every TAB asks labctl itself (labctl __complete -- WORDS...), so the candidates follow the commands and what
# exists now: lab clusters, Spark clusters, namespaces, exercise ids. Questions to a cluster are bounded in time.

function __labctl_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l program (string replace -r '^~' $HOME -- $words[1])
    set -e words[1]
    # A mistyped path (./labctl in the wrong directory): no candidates rather than fish's "Unknown command".
    type -q -- $program; or return
    set -l files
    for line in ($program __complete -- $words $current 2>/dev/null)
        switch $line
            case ':files' ':dirs'
                set files (string sub -s 2 -- $line)
            case '*'
                printf '%s\n' $line # value, tab, description: fish's own format
        end
    end
    switch "$files"
        case files
            __fish_complete_path $current
        case dirs
            __fish_complete_directories $current
    end
end

complete -c labctl -f -a '(__labctl_complete)'
