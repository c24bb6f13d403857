namespace Majordomo.Classification;

/// <summary>
/// Values told in the sentence after the secret's name, after the probe <c>sensitive-lookalikes-17</c> (docs/CLASSIFIER.md, "Probe 17
/// read by category"): a Japanese code or number that opens the next sentence ("キーボックスの番号を覚えておいて。7、2、9、0です",
/// "マイナンバーが必要。4821 7390 5516、これで合ってる？"), a bank's memorable word quoted in the next sentence ("… my memorable word.
/// The word is 'Cheltenham'"), and the names a bank's memorable information and a recovery key go by.
/// </summary>
internal static partial class SecretPhrases
{
    // A bank's memorable information by its short name; a recovery key read out as groups of letters and digits.
    private static (string Phrase, Want Want)[] NextSentencePhrases() =>
    [
        ("memorable info", Want.Answer), ("memorable date", Want.Answer), ("memorable place", Want.Answer), ("recovery key", Want.Digits),
        ("wiederherstellungsschlüssel", Want.Digits), ("clé de récupération", Want.Digits), ("clave de recuperación", Want.Digits),
        ("chave de recuperação", Want.Digits), ("chiave di ripristino", Want.Digits), ("herstelsleutel", Want.Digits), ("回復キー", Want.Digits),
        ("回复密钥", Want.Digits), ("복구 키", Want.Digits),
    ];

    /// <summary>
    /// After a CJK full stop, a value that opens the next sentence: 4–19 digits, alone or in groups joined by a space or '、'
    /// ("7、2、9、0です"), followed by the sentence's end, a comma or a copula (です, だ, 입니다). Not a year (a four-digit 19xx or 20xx).
    /// </summary>
    private static bool ValueOpensNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 40)].TrimStart(" 　");
        int i = 0, digits = 0;
        while (i < next.Length && (char.IsAsciiDigit(next[i]) || (next[i] is ' ' or '、' or ',' or '-' && i > 0 && char.IsAsciiDigit(next[i - 1]) && i + 1 < next.Length && char.IsAsciiDigit(next[i + 1]))))
        {
            digits += char.IsAsciiDigit(next[i]) ? 1 : 0;
            i++;
        }

        if (digits is < 4 or > 19 || (digits == 4 && i == 4 && next[0] is '1' or '2' && next[1] is '9' or '0'))
        {
            return false;
        }

        var rest = next[i..].TrimStart(' ');
        return rest.IsEmpty || rest[0] is '、' or '。' or ',' or '，' || rest.StartsWith("です", StringComparison.Ordinal) || rest.StartsWith("だ", StringComparison.Ordinal)
            || rest.StartsWith("입니다", StringComparison.Ordinal) || rest.StartsWith("이에요", StringComparison.Ordinal);
    }

    // "It's 'Pendragon'", "that’s 'Biscuit'": the copula glued to its pronoun.
    private static readonly string[] Contractions = ["'s ", "’s "];

    /// <summary>
    /// An answer quoted in the next sentence after a connector in its first 24 characters ("… my memorable word. The word is
    /// 'Cheltenham' so …"): a capitalised name in quotes, as <see cref="QuotedValue"/> reads an answer.
    /// </summary>
    private static bool QuotedInNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 80)];
        var head = next[..Math.Min(next.Length, 24)];
        // Every connector is tried: "It's 'Pendragon' — is it case-sensitive?" has a later " is " that quotes nothing.
        foreach (var list in (ReadOnlySpan<string[]>)[AgainConnectors, Contractions])
        {
            foreach (var word in list)
            {
                var hit = head.IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (hit >= 0 && QuotedValue(next[(hit + word.Length)..][..SentenceEnd(next[(hit + word.Length)..])], Want.Answer))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
