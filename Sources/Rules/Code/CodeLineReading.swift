import MarkdownScanner

/// Byte-level readings of one line's text (trimmed): does it read as code, or as a line
/// of prose? Both err on the side of "neither": a line that is not clearly one or the
/// other changes nothing.
enum CodeLineReading {
    /// Characters prose rarely has and code often does.
    static func isCodePunctuation(_ c: UInt8) -> Bool {
        c == 0x7B || c == 0x7D || c == 0x3C || c == 0x3E || c == 0x3D || c == 0x3B || c == 0x24 || c == 0x7C
            || c == 0x5C || c == 0x60 || c == 0x5E || c == 0x7E
    }

    /// Pieces that only code has.
    private static let codeMarks: [[UInt8]] = ["()", "=>", "->", "==", "!=", " = ", ":=", "::", "&&", "||", "</", "/>",
                                               "#!", "${", "$(", "{{", "}}", "+=", "[]", "\\n", "/*", "*/"].map { Array($0.utf8) }

    /// Words that start command lines.
    private static let commands: Set<[UInt8]> = Set([
        "sudo", "npm", "npx", "yarn", "pnpm", "pip", "pip3", "python", "python3", "node", "deno", "go", "cargo", "rustc",
        "git", "docker", "docker-compose", "kubectl", "helm", "minikube", "curl", "wget", "cd", "ls", "mkdir", "rm",
        "cp", "mv", "cat", "echo", "export", "apt", "apt-get", "yum", "dnf", "brew", "make", "cmake", "ssh", "scp",
        "chmod", "chown", "systemctl", "service", "terraform", "ansible", "ansible-playbook", "gcloud", "aws", "az",
        "java", "javac", "mvn", "gradle", "dotnet", "ruby", "gem", "bundle", "rails", "php", "composer", "psql",
        "mysql", "redis-cli", "mongo", "touch", "tar", "unzip", "grep", "sed", "awk", "find", "source", "xargs",
        "import", "from", "def", "class", "return", "const", "let", "var", "function", "public", "private", "static",
        "func", "package", "using", "namespace", "include", "#include", "select", "SELECT", "INSERT", "UPDATE",
        "DELETE", "CREATE", "FROM", "WHERE", "if", "fi", "then", "else", "elif", "for", "done", "do", "while",
        "try", "catch", "end", "RUN", "CMD", "COPY", "ENV", "EXPOSE", "WORKDIR", "ENTRYPOINT",
        "hugo", "jekyll", "gatsby", "rsync", "bash", "sh", "zsh", "pwd", "kill", "ps", "vi", "vim", "nano", "less",
        "tail", "head", "sort", "uniq", "wc", "diff", "patch", "ln", "df", "du", "mount", "useradd", "passwd", "crontab",
        "openssl", "nginx", "certbot", "ufw", "iptables", "journalctl", "podman", "k3s", "kubeadm", "swift", "xcodebuild",
    ].map { Array($0.utf8) })

    static func isCodeLike(_ t: ArraySlice<UInt8>) -> Bool {
        guard let first = t.first, let last = t.last else { return false }
        if last == 0x3B || last == 0x7B || last == 0x7D || last == 0x28 || last == 0x5B || last == 0x5C { return true }
        if first == 0x24 || first == 0x7D || first == 0x40 { return true }  // $ prompt, } closing, @decorator
        if t.starts(with: [0x3E, 0x3E, 0x3E]) || t.starts(with: [0x2F, 0x2F]) || t.starts(with: [0x2D, 0x2D]) { return true }
        for mark in codeMarks where contains(t, mark) { return true }
        let words = t.split(whereSeparator: ByteClass.isSpaceOrTab)
        guard let head = words.first else { return false }
        if commands.contains(Array(head)) && words.count >= 2 { return true }
        // Options (`-az`, `--minify`) and paths (`./x`, `~/x`, `/srv/x`) after the first word.
        for w in words.dropFirst() {
            let a = w.first ?? 0, b = w.dropFirst().first ?? 0
            if a == 0x2D && (ByteClass.isLetter(b) || (b == 0x2D && w.dropFirst(2).first.map(ByteClass.isLetter) == true)) { return true }
            if (a == 0x2E || a == 0x7E) && (b == 0x2F || (b == 0x2E && w.dropFirst(2).first == 0x2F)) { return true }
            if a == 0x2F && ByteClass.isLetter(b) { return true }
        }
        // One token: `fi`, `EOF`, `hello-world`, `npm`, not `Thanks!`.
        if words.count == 1 && !(last == 0x2E || last == 0x21 || last == 0x3F) && !ByteClass.isDigit(first) { return true }
        // `NAME  READY  STATUS`: column headers of command output.
        if words.count >= 2 && words.allSatisfy({ w in w.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || $0 == 0x2D } }) {
            return true
        }
        // `key: value` (YAML, HTTP headers) with an identifier key and a short value.
        if words.count <= 5, let colon = head.lastIndex(of: 0x3A), colon == head.endIndex - 1, head.count > 1,
           head.dropLast().allSatisfy({ ByteClass.isAlnum($0) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }),
           head.first.map({ $0 >= 0x61 && $0 <= 0x7A }) ?? false {
            return true
        }
        return false
    }

    /// A line of prose: at least eight words, mostly words with letters, starting with a
    /// letter, ending as a sentence ends, with at most one character of code punctuation.
    static func isProse(_ t: ArraySlice<UInt8>) -> Bool {
        guard let first = t.first, let last = t.last else { return false }
        // A letter, or emphasis opening the sentence (`**Note:**`, `_Aside_`), not a list's `* `.
        let second = t.dropFirst().first ?? 0x20
        guard ByteClass.isLetter(first) || first >= 0x80 || (first == 0x2A && second == 0x2A)
                || (first == 0x5F && ByteClass.isLetter(second)) else { return false }
        let ellipsis = t.count >= 3 && t.suffix(3).elementsEqual([0xE2, 0x80, 0xA6])
        guard last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A || ellipsis else { return false }
        guard t.filter(isCodePunctuation).count <= 1 else { return false }
        let words = t.split(whereSeparator: ByteClass.isSpaceOrTab)
        guard words.count >= 8 else { return false }
        let wordy = words.filter { w in w.contains { ByteClass.isLetter($0) || $0 >= 0x80 } }.count
        return wordy * 5 >= words.count * 4
    }

    private static func contains(_ t: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard t.count >= needle.count else { return false }
        var i = t.startIndex
        while i + needle.count <= t.endIndex {
            if t[i] == needle[0] && t[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
