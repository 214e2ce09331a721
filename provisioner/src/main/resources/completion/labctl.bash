# bash completion for labctl. Enable it with:  source <(labctl completion bash)
# (add that line to ~/.bashrc to keep it, or save this output as ~/.local/share/bash-completion/completions/labctl).
# Every TAB asks labctl itself (labctl __complete -- WORDS...), so the candidates follow the commands and what
# exists now: lab clusters, Spark clusters, namespaces, exercise ids. Questions to a cluster are bounded in time.

__labctl_complete() {
    local rest=${COMP_LINE:0:COMP_POINT} gap word i
    local -a args=()
    # bash splits words at '=' and ':' (COMP_WORDBREAKS), labctl reads them as typed (--output=json, NS:POD):
    # a word with no blank before it is glued back to the one before.
    for ((i = 0; i <= COMP_CWORD; i++)); do
        gap=${rest%%[![:space:]]*}
        rest=${rest:${#gap}}
        if ((i == COMP_CWORD)); then
            word=$rest # the word under the cursor, up to the cursor
        else
            word=${COMP_WORDS[i]}
            rest=${rest:${#word}}
        fi
        if ((i > 1)) && [[ -z $gap ]]; then
            args[${#args[@]}-1]+=$word
        elif ((i > 0)); then
            args+=("$word")
        fi
    done
    ((${#args[@]})) || args=("")
    # bash replaces only its own last word: the glued part in front of it is taken off every candidate.
    local typed=${args[${#args[@]}-1]}
    local glued=${typed:0:${#typed}-${#word}}
    local program=${COMP_WORDS[0]/#\~/$HOME} line files=
    COMPREPLY=()
    while IFS= read -r line; do
        case $line in
        '') ;;
        :files | :dirs) files=${line#:} ;;
        *)
            line=${line%%$'\t'*} # descriptions are for zsh and fish
            COMPREPLY+=("${line#"$glued"}")
            ;;
        esac
    done < <("$program" __complete -- "${args[@]}" 2>/dev/null)
    if [[ -n $files ]]; then
        compopt -o filenames 2>/dev/null
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(if [[ $files == dirs ]]; then compgen -d -- "$word"; else compgen -f -- "$word"; fi)
    fi
    return 0
}

complete -F __labctl_complete labctl
