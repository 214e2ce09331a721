#compdef labctl
# zsh completion for labctl. Enable it with:  source <(labctl completion zsh)
# (after compinit, e.g. in ~/.zshrc; or save this output as _labctl in a directory of $fpath).
# Every TAB asks labctl itself (labctl __complete -- WORDS...), so the candidates follow the commands and what
# exists now: lab clusters, Spark clusters, namespaces, exercise ids. Questions to a cluster are bounded in time.

compdef _labctl labctl

_labctl() {
    local -a lines described
    local line value description files= program=${words[1]/#\~/$HOME}
    lines=("${(@f)$("$program" __complete -- "${(@Q)words[2,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)}")
    for line in "${lines[@]}"; do
        case $line in
        '') ;;
        :files | :dirs) files=${line#:} ;;
        *)
            value=${line%%$'\t'*}
            description=
            [[ $line == *$'\t'* ]] && description=${line#*$'\t'}
            described+=("${value//:/\\:}${description:+:$description}")
            ;;
        esac
    done
    local ret=1
    ((${#described})) && _describe -t values 'labctl' described && ret=0
    case $files in
    files) _files && ret=0 ;;
    dirs) _files -/ && ret=0 ;;
    esac
    return ret
}

# Loaded from $fpath, this file is the body of _labctl: run the function it just defined.
if [[ ${funcstack[1]} == _labctl ]]; then
    _labctl "$@"
fi
