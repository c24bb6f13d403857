using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Home, utilities and telecoms (after the probe <c>sensitive-lookalikes-54</c>, docs/CLASSIFIER.md "Probe 54 read by category"): an
/// IBAN printed in its country's own groups ("IT02 L 03069 09606 100000004471", "FR76 30004 00831 00012345678 91"), a key box's or a
/// door's code asked to be read off a host's screenshot, and a shell variable named as a password (<c>"$EDIST_PASS"</c>) that holds none.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// An IBAN at the digits <paramref name="start"/> (its country's capitals at <paramref name="at"/>), its country's two capitals right before them or one space before, printed in the
    /// groups its country's statements use (a CIN letter alone, a bank's five digits): spaces left out, exactly its country's length and
    /// shape, with an account's word near. Check digits that fail keep it an account, as in groups of four (docs/LABELLING.md).
    /// </summary>
    private static bool NationallyGroupedIban(ReadOnlySpan<char> text, int start, out int at)
    {
        at = start >= 2 && char.IsAsciiLetterUpper(text[start - 1]) && char.IsAsciiLetterUpper(text[start - 2]) ? start - 2
            : start >= 3 && text[start - 1] == ' ' && char.IsAsciiLetterUpper(text[start - 2]) && char.IsAsciiLetterUpper(text[start - 3]) ? start - 3 : -1;
        if (at < 0 || (at > 0 && char.IsLetterOrDigit(text[at - 1])) || (text[start] == '0' && start + 1 < text.Length && text[start + 1] == '0'))
        {
            return false;
        }

        Span<char> compact = stackalloc char[34];
        var n = 0;
        for (var i = at; i < text.Length && n < compact.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) || char.IsAsciiLetterUpper(text[i]))
            {
                compact[n++] = text[i];
                if (n >= 15 && CountryShapedIban(compact[..n]) && (i + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 1])))
                {
                    return PlaceholderIban(text[at..]) == 0 && AccountWordNear(text, at);
                }
            }
            else if (!(text[i] == ' ' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1])))
            {
                break;
            }
        }

        return false;
    }

    private static bool AccountWordNear(ReadOnlySpan<char> text, int at)
    {
        var near = AccountContext(text, at);
        // France's RIB (relevé d'identité bancaire) names the account in capitals; its holder's word names it too ("intestato a Carla Neri").
        return near.Contains("RIB", StringComparison.Ordinal) || SecretPhrases.ContainsAny(near, HolderWords) || AccountCueIn(near);
    }

    private static readonly string[] HolderWords = ["intestato", "intestata", "titulaire", "titular", "kontoinhaber", "beneficiario", "beneficiary", "account holder"];

    // A key box's, a key safe's or a door's code by its noun, in the ask that sends a host's or a landlord's screenshot.
    private static readonly SearchValues<string> KeyCodeNouns = SearchValues.Create(
    [
        "schlüsselbox", "schlüsselkasten", "schlüsseltresor", "türcode", "tür-code", "lockbox", "lock box", "key box", "keybox", "key safe", "keysafe",
        "door code", "gate code", "caja de llaves", "cajetín", "cajetin", "sleutelkastje", "sleutelkluis", "deurcode", "skrzynki na klucze",
        "skrzynka na klucze", "sejfu na klucze", "kod do drzwi", "caixa de chaves", "caixa das chaves", "cofre de chaves", "boîte à clés",
        "boite à clés", "digicode", "code de la porte", "cassetta delle chiavi", "cassetta portachiavi", "codice della porta", "codice del portone",
        "キーボックス", "暗証番号", "门锁密码", "密码箱", "키박스", "도어락",
    ], StringComparison.OrdinalIgnoreCase);

    // Asks to read the code out or say what it is ("Wie lautet der Türcode?", "what's the lockbox code it gives?", "¿qué código pone?").
    private static readonly SearchValues<string> KeyCodeAsks = SearchValues.Create(
    [
        "vorlesen", "lies ihn", "lies mir", "lies sie", "wie lautet", "welcher code", "read out", "read me", "read it", "what's the", "what is the",
        "which code", "tell me the", "qué código", "que código", "cuál es el código", "dime el", "dímelo", "léeme", "leeme", "overnemen",
        "voorlezen", "wat is de code", "odczytaj", "przeczytaj", "jaki jest kod", "ler o código", "consegue ler", "qual é o código", "qual o código",
        "lis-moi", "quel est le code", "quel code", "leggimi", "dimmi", "qual è il codice", "読んで", "読み上げ", "教えて", "读一下", "念一下", "읽어",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask sent with a photo names a key box's or a door's code and asks for it to be read out or said ("Kannst du mir den Code für die
    /// Schlüsselbox aus dem Screenshot vorlesen?"): the code travels in the picture (docs/LABELLING.md, a host's message with the key box's
    /// code). The key box's photo asked how it opens, or what batteries it takes, reads none.
    /// </summary>
    internal static bool KeyCodeReadFromPhoto(ReadOnlySpan<char> ask) => ask.IndexOfAny(KeyCodeNouns) >= 0 && ask.IndexOfAny(KeyCodeAsks) >= 0;

    /// <summary>A name preceded by <c>$</c>, <c>${</c> or <c>%</c>: a shell's or a batch file's variable, read for its value elsewhere.</summary>
    private static bool ShellVariable(ReadOnlySpan<char> text, int start) =>
        start > 0 && (text[start - 1] is '$' or '%' || (start > 1 && text[start - 1] == '{' && text[start - 2] == '$'));
}
