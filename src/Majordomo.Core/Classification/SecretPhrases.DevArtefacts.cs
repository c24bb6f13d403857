namespace Majordomo.Classification;

/// <summary>
/// Developer artefacts after a secret's noun that are no secrets (probe 20): a CI cache's key ("Cache restored from key:
/// nuget-Linux-267a…"), and a value the prompt says the documentation publishes as its example or test value ("carte de test
/// Adyen documentée", "the docs' emulator key", "codice di esempio dell'Agenzia … pubblico", "belgelerde yayımlanan anahtarı").
/// Both a documentation word and an example or test word must stand in the value's paragraph: "the docs say to change my
/// password, it is …" names no example and stays sensitive.
/// </summary>
internal static partial class SecretPhrases
{
    // Words that say the value comes from documentation or a standard (lower case; matched case-insensitively as substrings). "spec"
    // only as a word: "respects" and "specificity" name no documentation (probe 49's D55018, D55059).
    private static readonly string[] DocumentationWords =
    [
        "docs", "documen", "dokumen", "doku", "belgeler", " spec ", " spec.", " spec,", " specs", "specification", "spezifikation", "spécification", "rfc ", "standard", "published", "publié", "publicad", "pubblic", "publicz",
        "yayımla", "公開", "공개", "文档", "ドキュメント",
    ];

    // Words that say the value is an example, a test value or a default.
    private static readonly string[] ExampleWords =
    [
        "example", "exemple", "esempio", "ejemplo", "exemplo", "beispiel", "voorbeeld", "przykład", "örnek", "sample", "dummy", "test", "prova",
        "emulat", "emülat", "default", "示例", "例", "テスト", "테스트", "예시",
    ];

    private static bool DevArtefactNotValue(ReadOnlySpan<char> text, int at, int end, Want want) =>
        SensitiveScanner.CacheKeyLine(text, at) || DocumentedExample(text, at) || RepeatedSeed(text, end)
        || SensitiveScanner.PublishedJwtNear(text, end) || QuotedPrompt(text, at, end);

    /// <summary>'Enter password:' — a program's prompt quoted in a sentence: the noun's colon closes the quote it stands in.</summary>
    private static bool QuotedPrompt(ReadOnlySpan<char> text, int at, int end)
    {
        if (end + 1 >= text.Length || text[end] != ':' || text[end + 1] is not ('\'' or '"'))
        {
            return false;
        }

        var lineStart = text[..at].LastIndexOf('\n') + 1;
        return text[lineStart..at].Contains(text[end + 1]);
    }

    /// <summary>A test mnemonic: ten of the twenty words after <paramref name="end"/> are one word ("test test … junk",
    /// "abandon … about"); a wallet's real seed repeats almost none.</summary>
    private static bool RepeatedSeed(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 200)];
        Span<Range> words = stackalloc Range[20];
        var count = window.SplitAny(words, " '\"`:,\n", StringSplitOptions.RemoveEmptyEntries);
        for (var k = 0; k + 10 <= count; k++)
        {
            var same = 0;
            for (var j = k; j < count; j++)
            {
                same += window[words[j]].SequenceEqual(window[words[k]]) ? 1 : 0;
            }

            if (same >= 10)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The paragraph around <paramref name="at"/> (back to a blank line, at most 400 characters; on to the line's end) names
    /// both documentation and an example or test.</summary>
    internal static bool DocumentedExample(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - 400);
        var before = text[from..at];
        var blank = before.LastIndexOf("\n\n", StringComparison.Ordinal);
        var lineEnd = text[at..].IndexOf('\n');
        // A caption ending in ':' or '?' just before a blank line introduces the block below it: it is read with the block.
        if (blank > 0 && before[..blank].TrimEnd(" \r\n") is { Length: > 0 } caption && caption[^1] is ':' or '?')
        {
            var previous = caption.LastIndexOf("\n\n", StringComparison.Ordinal);
            blank = previous < 0 ? 0 : previous;
        }

        var paragraph = text[(from + (blank < 0 ? 0 : blank))..(lineEnd < 0 ? text.Length : at + lineEnd)];

        return ContainsPart(paragraph, DocumentationWords) && ContainsPart(paragraph, ExampleWords);
    }

    private static bool ContainsPart(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var word in words)
        {
            if (s.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
