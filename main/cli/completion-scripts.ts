// The three shell scripts. Each only asks `tokenvault __complete` and shows its answer, so
// what completes where is decided (and tested) in completion.ts.
export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

const BASH = `# tokenvault completion for bash: eval "$(tokenvault completion bash)"
_tokenvault() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" IFS=$'\\n' word
  local -a out
  out=($(tokenvault __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  COMPREPLY=()
  case "\${out[0]}" in
    :files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    :commands) COMPREPLY=($(compgen -c -- "$cur")) ;;
    :words) for word in "\${out[@]:1}"; do COMPREPLY+=("$(printf '%q' "$word")"); done ;;
  esac
}
complete -F _tokenvault tokenvault
`;

const ZSH = `#compdef tokenvault
# tokenvault completion for zsh: eval "$(tokenvault completion zsh)" after compinit
_tokenvault() {
  local -a out
  out=("\${(@f)$(tokenvault __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  case "\${out[1]}" in
    :files) _files ;;
    :commands) _command_names -e ;;
    :words) compadd -- "\${(@)out[2,-1]}" ;;
  esac
}
compdef _tokenvault tokenvault
`;

const FISH = `# tokenvault completion for fish:
#   tokenvault completion fish > ~/.config/fish/completions/tokenvault.fish
function __tokenvault_complete
    set -l typed (commandline -opc) (commandline -ct)
    set -l out (tokenvault __complete -- $typed[2..-1] 2>/dev/null)
    switch "$out[1]"
        case :files
            __fish_complete_path (commandline -ct)
        case :commands
            complete -C (commandline -ct)
        case :words
            printf '%s\\n' $out[2..-1]
    end
end
complete -c tokenvault -f -a '(__tokenvault_complete)'
`;

export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
  }
}
