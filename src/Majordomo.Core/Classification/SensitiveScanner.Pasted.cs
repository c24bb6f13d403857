namespace Majordomo.Classification;

/// <summary>
/// Pasted material (after the blind probe <c>sensitive-lookalikes-16</c>; the phrase rules' side is <c>SecretPhrases.Pasted</c>): a
/// password variable glued to its tool's prefix on a command line in a log (<c>PGPASSWORD='…' pg_dump</c>); and what pasted notices,
/// policies and advisories hold that is shaped like a secret and is none — a number after a call verb in a bank's warning ("请拨打95555"),
/// a format's example ("np. w formacie: Slowo-Slowo-00!"), a security advisory's id (<c>GHSA-7xq2-m4v9-88rp</c>), and a blank template
/// with an image ("DNI ________").
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// An environment variable whose name glues a tool's prefix of capitals to PASSWORD, PASSWD or PWD (<c>PGPASSWORD</c>,
    /// <c>MYSQLPWD</c>, <c>REDISCLIPASSWORD</c>), assigned with '='. Not sudoers' <c>NOPASSWD</c>.
    /// </summary>
    private static bool GluedPasswordName(ReadOnlySpan<char> name)
    {
        if (name.IndexOfAnyExceptInRange('A', 'Z') >= 0 || name.StartsWith("NO", StringComparison.Ordinal))
        {
            return false;
        }

        var word = name.EndsWith("PASSWORD", StringComparison.Ordinal) ? 8 : name.EndsWith("PASSWD", StringComparison.Ordinal) ? 6 : name.EndsWith("PWD", StringComparison.Ordinal) ? 3 : 0;
        return word > 0 && name.Length - word is >= 2 and <= 9;
    }

    // Verbs before a phone number in a notice: "请拨打95555", "call 0800 …", "зателефонуйте на 3700", "llame al 900 …".
    private static readonly string[] CallWords =
    [
        "call", "dial", "ring", "phone", "anrufen", "rufen sie", "appelez", "appeler", "llame", "llamar", "ligue", "ligar", "chiami", "chiamare", "bel ", "bellen",
        "zadzwoń", "позвоните", "звоните", "зателефонуйте", "телефонуйте", "arayın", "ring på", "拨打", "致电", "电话", "撥打", "電話", "전화", "התקשר", "פנה למוקד", "חייג", "اتصل", "καλέστε", "कॉल करें",
        .. SecretPhrases.WorldCallWords,
    ];

    /// <summary>Whether a call verb stands in the 16 characters before <paramref name="start"/> on its line: the number is a phone line's.</summary>
    internal static bool CalledNumber(ReadOnlySpan<char> text, int start) => LineBeforeHolds(text, start, 16, CallWords);

    // Whether one of the words stands in the <paramref name="reach"/> characters before <paramref name="start"/>, on its line.
    private static bool LineBeforeHolds(ReadOnlySpan<char> text, int start, int reach, ReadOnlySpan<string> words)
    {
        var before = text[Math.Max(0, start - reach)..start];
        var newline = before.LastIndexOfAny('\n', '\r');
        return ContainsAnyWord(newline >= 0 ? before[(newline + 1)..] : before, words);
    }

    // Words before an example of a format in any corpus language: "np. w formacie:", "e.g.", "z.B.", "Format:", "例如".
    private static readonly string[] FormatExampleWords =
    [
        "format", "formacie", "formato", "formaat", "formát", "формат", "np.", "e.g.", "eg.", "z.b.", "z. b.", "p.ex", "par exemple", "por ejemplo", "por exemplo",
        "ad esempio", "ad es.", "bijv.", "bijvoorbeeld", "например", "наприклад", "örneğin", "例如", "比如", "例：", "例:", "예:", "예시", "такого вида", "like this",
    ];

    // A registry's advisory id: GHSA-7xq2-m4v9-88rp, CVE-2026-48810, RUSTSEC-2026-0001, PYSEC-…, OSV-…, GO-2026-…
    private static readonly string[] AdvisoryPrefixes = ["GHSA-", "CVE-", "RUSTSEC-", "PYSEC-", "OSV-", "GO-", "SNYK-", "GMS-", "GSD-", "RHSA-", "DSA-", "USN-", "ALAS-"];

    /// <summary>
    /// Whether a run a shape rule took (<paramref name="start"/>..<paramref name="end"/>) is an advisory's id or a format's example
    /// (an example word in the 30 characters before it on its line).
    /// </summary>
    internal static bool PastedLookAlike(ReadOnlySpan<char> text, int start, int end)
    {
        var token = text[start..end];
        foreach (var prefix in AdvisoryPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return LineBeforeHolds(text, start, 30, FormatExampleWords);
    }

    // Words that name a document a template or a blank form: "plantilla", "modelo", "Vorlage", "template", "blank".
    private static readonly string[] TemplateWords =
    [
        "template", "blank form", "plantilla", "modelo", "vorlage", "muster", "modèle", "formulaire vierge", "em branco", "en blanco", "modello", "sjabloon",
        "wzór", "szablon", "шаблон", "образец", "бланк", "模板", "样本", "ひな形", "雛形", "テンプレート", "양식", "템플릿",
    ];

    /// <summary>
    /// A blank template's text: a template word and two or more runs of four underscores ("DNI ________", "ES__ ____"). An image
    /// sent with it is the empty form, not someone's document.
    /// </summary>
    internal static bool BlankTemplate(ReadOnlySpan<char> text)
    {
        var blanks = 0;
        var rest = text;
        for (var at = rest.IndexOf("____", StringComparison.Ordinal); at >= 0 && blanks < 2; at = rest.IndexOf("____", StringComparison.Ordinal))
        {
            blanks++;
            var run = rest[at..].IndexOfAnyExcept('_');
            rest = run < 0 ? [] : rest[(at + run)..];
        }

        return blanks >= 2 && ContainsAnyWord(text, TemplateWords);
    }

    private static bool ContainsAnyWord(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
