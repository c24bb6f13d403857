namespace Majordomo.Classification;

/// <summary>
/// Rules for the leftovers of probes 20 and 27 (docs/CLASSIFIER.md, "Leftovers of probes 20 and 27"): a document's photo the
/// user names a specimen is nobody's document; one password hash asked about is no dump.
/// </summary>
internal static partial class SensitiveScanner
{
    // A specimen: the issuer's sample printed with an invented holder (ERIKA MUSTERMANN on the Bundesdruckerei's, the UK's
    // "specimen" passport), in the corpus languages.
    private static readonly string[] SpecimenWords =
    [
        "specimen", "spécimen", "espécimen", "espécime", "esemplare", "muster-", "musterbild", "mustermann", "musterausweis", "musterpass",
        "wzór dokumentu", "образец", "見本", "样本", "样张", "견본", "voorbeeldpaspoort", "voorbeeldkaart",
        // A government's example card with invented data, named so in the ask (probe 24's look-alikes, kept when probe 45 named more ids).
        "de exemplo", "de ejemplo", "datos de muestra", "dados fictícios", "datos ficticios", "wzór", "dane wzorcowe", "sample card", "example card",
    ];

    /// <summary>The user's words name the photographed document a specimen (probe 27, D33155): its numbers are the issuer's sample.</summary>
    internal static bool SpecimenNamed(ReadOnlySpan<char> text) => ContainsAnyWord(text, SpecimenWords);

    /// <summary>
    /// A crypt hash at <paramref name="at"/> standing alone (probe 27, D33103: "is `$2b$12$…` a bcrypt hash?"): quoted as code, no field
    /// before it on its line (a user's "admin:", a column's "," or "|", a key's "=" or ":") and no second hash in the text. A dump's row
    /// and a hash after a user's name keep theirs.
    /// </summary>
    private static bool LoneHash(ReadOnlySpan<char> text, int at)
    {
        // Quoted as code in a sentence ("is `$2b$…` …"), not after a user's name ("admin hash $2b$…") or a row's separator.
        var before = text[..at];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        if (before.Length == 0 || before[^1] is not ('`' or '\'' or '"'))
        {
            return false;
        }

        before = before.TrimEnd(" \t`'\"");
        if (before.Length > 0 && before[^1] is ':' or ',' or ';' or '|' or '=' or '\t')
        {
            return false;
        }

        var after = text[(at + 1)..];
        var end = after.IndexOfAny(" \t\r\n`'\"");
        after = end < 0 ? [] : after[end..];
        return !HoldsCryptHash(text[..at]) && !HoldsCryptHash(after);
    }

    private static readonly string[] CryptIds = ["$2a$", "$2b$", "$2y$", "$argon2", "$5$", "$6$", "$apr1$", "$P$", "$y$"];

    private static bool HoldsCryptHash(ReadOnlySpan<char> text)
    {
        foreach (var id in CryptIds)
        {
            if (text.Contains(id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A key file an agent printed, the command and its output in separate messages (probe 20, D26295: a <c>cat config/master.key</c>
    /// call, then a tool result of one 32-character line): the model's calls <paramref name="calls"/> print a <c>.key</c> file and
    /// a line of <paramref name="results"/> is one run of 32 key characters or more, holding digits and letters.
    /// </summary>
    internal static bool KeyFilePrintedApart(ReadOnlySpan<char> calls, ReadOnlySpan<char> results)
    {
        if (results.IsEmpty || !CatsKeyFile(calls))
        {
            return false;
        }

        foreach (var range in results.Split('\n'))
        {
            var line = results[range].Trim(" \t\r");
            if (line.Length >= 32 && line.IndexOfAnyExcept(Base64Chars) < 0 && HasDigitAndLetter(line) && !Placeholder(line))
            {
                return true;
            }
        }

        return false;
    }

    // "cat config/master.key", "type credentials\\production.key": a line printing a file whose name ends in ".key".
    private static bool CatsKeyFile(ReadOnlySpan<char> calls)
    {
        for (var at = calls.IndexOf(".key", StringComparison.Ordinal); at >= 0; at = Next(calls, at, ".key"))
        {
            var end = at + 4;
            if (end < calls.Length && char.IsAsciiLetterOrDigit(calls[end]))
            {
                continue;
            }

            var line = calls[(calls[..at].LastIndexOf('\n') + 1)..at];
            if (line.Contains("cat ", StringComparison.Ordinal) || line.Contains("type ", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> text, int at, string word)
    {
        var next = text[(at + 1)..].IndexOf(word, StringComparison.Ordinal);
        return next < 0 ? -1 : at + 1 + next;
    }

    // How a model presents the password it made up for the user ("Here's one: …", "Voici une proposition : …", "Vorschlag: …").
    private static readonly System.Buffers.SearchValues<string> ProposalCues = System.Buffers.SearchValues.Create(
        ["here's one", "here’s one", "here is one", "how about", "voici une proposition", "voici un", "proposition :", "vorschlag", "wie wäre es mit",
         "propuesta:", "qué tal", "ecco una", "ecco un", "proposta:", "suggestion:", "what about"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The model's text proposes a passphrase it made up (probe 27, D33097: "Here's one: **velvet-orbit-canoe-mustard-lighthouse-41**"):
    /// a proposal's words, then within a few characters a run of three words of four letters or more joined by symbols or
    /// digits. It goes back upstream with every later turn, adopted or not.
    /// </summary>
    internal static bool ProposedPassphrase(ReadOnlySpan<char> text)
    {
        var from = 0;
        while (from < text.Length && text[from..].IndexOfAny(ProposalCues) is var hit and >= 0)
        {
            // The proposal opens at a colon, a quote or emphasis after the cue's words.
            var rest = text[(from + hit)..Math.Min(text.Length, from + hit + 100)];
            var open = rest[..Math.Min(rest.Length, 32)].IndexOfAny(":*`\"«“");
            rest = open < 0 ? [] : rest[open..];
            var value = rest.IndexOfAnyExcept(" :*`\"'«“");
            if (value is >= 0 and <= 6 && Passphrase(rest[value..]))
            {
                return true;
            }

            from += hit + 1;
        }

        return false;
    }

    // A run up to a space, a quote or emphasis: 12–64 characters, no path or URL, three words of four letters or more, a digit or a symbol.
    private static bool Passphrase(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny(" \t\r\n*`\"'»”");
        var run = (end < 0 ? rest : rest[..end]).TrimEnd(".,;!?");
        if (run.Length is < 12 or > 64 || run.IndexOfAny("/\\:@") >= 0)
        {
            return false;
        }

        int words = 0, letters = 0, marks = 0;
        foreach (var c in run)
        {
            if (char.IsLetter(c))
            {
                letters++;
                continue;
            }

            words += letters >= 4 ? 1 : 0;
            letters = 0;
            marks++;
        }

        words += letters >= 4 ? 1 : 0;
        return words >= 3 && marks >= 2;
    }
}
