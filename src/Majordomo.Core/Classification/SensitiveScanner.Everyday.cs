namespace Majordomo.Classification;

/// <summary>
/// Numbers of everyday life whose check fails or whose shape the other rules leave out (after the blind probe
/// <c>sensitive-lookalikes-12</c>): a card number in its print groups with a card word or an expiry beside it even when
/// Luhn fails (a mistyped card is still the user's, docs/LABELLING.md), a bank account with a two-digit group
/// (<c>123456-01-234567</c>), a US employer or taxpayer id (<c>dd-ddddddd</c>) after its name, and the dated national
/// ids (주민등록번호 <c>YYMMDD-NNNNNNN</c>, rodné číslo <c>YYMMDD/NNNN</c>) whose check fails or was never issued, with a
/// personal cue in their line. Called from <see cref="ScanDigits"/> at every digit run, so the prefilter reads it too.
/// </summary>
internal static partial class SensitiveScanner
{
    // A card named in its line: the word in every corpus language and then some, the networks, a debit or credit card.
    private static readonly string[] EverydayCardCues =
    [
        "card", "carte", "karte", "kart", "tarjeta", "cartão", "cartao", "carta", "kaart", "karta", "карт", "kortet", "kortnummer", "kredit",
        "visa", "mastercard", "master card", "amex", "maestro", "debit", "credit", "crédito", "débito", "кредит", "カード", "카드", "卡", "thẻ",
        "kartu", "kártya", "بطاقة", "כרטיס", "κάρτα", "कार्ड",
    ];

    // What names a US employer or taxpayer number just before it.
    private static readonly string[] TaxIdNames = ["EIN", "TIN", "ITIN", "FEIN", "employer identification", "taxpayer identification", "tax id", "tax ID"];

    /// <summary>Whether an everyday number (a card, an account, a tax or national id whose check fails) starts at the digit <paramref name="start"/>.</summary>
    private static bool EverydayNumber(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '.' or ',' or '#' or '$' or '€' or '£' or '*' or '/' or ':'))
        {
            return false;
        }

        Span<byte> d = stackalloc byte[20];
        Span<int> groups = stackalloc int[8];
        var i = DigitGroups(text, start, d, groups, dots: false, out var n, out var g, out var separators);

        // Glued to a letter, a digit or a decimal after it: part of a word, a version, a longer number.
        if (n < 9 || (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '/' or '@' || (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))))
        {
            return false;
        }

        var shape = groups[..g];
        var digits = d[..n];

        // Digits of one or two kinds (4111 1111 1111 1111, 1212 1212 1212): a filler, no one's number.
        if (digits.IndexOfAnyExcept(digits[0], digits[n - 1]) < 0 || NamedPublic(text, start))
        {
            return false;
        }

        // Mostly one digit (4000 0000 0000 0002, a card network's test number): documentation, not a card.
        var zeros = digits.Count((byte)0);
        if (separators is 1 or 2 && zeros < n / 2 && digits[0] is >= 2 and <= 6 && (shape is [4, 4, 4, 4] or [4, 6, 5] or [4, 4, 4, 4, 3]) && !TestCard(digits))
        {
            return Expiry(text, i) || Cued(text, start, i, EverydayCardCues, back: 60, ahead: 0);
        }

        // Domestic schemes start with 7–9 too (a Korean BC card 94…, Troy 9792): a card when its expiry follows.
        if (separators is 1 or 2 && zeros < n / 2 && digits[0] is >= 7 and <= 9 && shape is [4, 4, 4, 4] && Expiry(text, i))
        {
            return Cued(text, start, i, EverydayCardCues, back: 60, ahead: 0);
        }

        if (separators == 2 && n is >= 10 and <= 16 && g >= 3 && shape.IndexOfAnyInRange(0, 1) < 0 && shape.IndexOf(2) > 0)
        {
            return Cued(text, start, start, BankCues, back: 28, ahead: 0) && !Amount(text, i);
        }

        if (separators == 2 && shape is [2, 7])
        {
            return TaxIdNamed(text[Math.Max(0, start - 40)..start]);
        }

        // A dated id whose check fails (a mistyped value is still someone's, and Korean numbers issued since 2020 carry none).
        var dated = (shape is [6, 7] && separators == 2 && Date(digits[..6], yearFirst: true) && digits[6] is >= 1 and <= 8)
            || (shape is [6, 4] && separators == 8 && BirthNumberDate(digits));
        return dated && !FormatExample(text, i) && Cued(text, start, i, PersonalCues, back: 80, ahead: 20);
    }

    // An expiry right after the number ("exp 09/28", "son kullanma 08/29", "válida hasta 11/2027"): a month, a slash, a year.
    private static bool Expiry(ReadOnlySpan<char> text, int end)
    {
        var after = text[end..Math.Min(text.Length, end + 32)];
        for (var k = 0; k + 5 <= after.Length; k++)
        {
            if ((k == 0 || !char.IsAsciiDigit(after[k - 1])) && char.IsAsciiDigit(after[k]) && char.IsAsciiDigit(after[k + 1]) && after[k + 2] == '/'
                && char.IsAsciiDigit(after[k + 3]) && char.IsAsciiDigit(after[k + 4]) && ((after[k] - '0') * 10) + after[k + 1] - '0' is >= 1 and <= 12)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TaxIdNamed(ReadOnlySpan<char> before)
    {
        foreach (var name in TaxIdNames)
        {
            // "EIN" and "TIN" in capitals only: "ein" is German's article, "tin" a metal.
            var comparison = name.Length <= 4 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            var hit = before.LastIndexOf(name, comparison);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1])) && (hit + name.Length == before.Length || !char.IsLetter(before[hit + name.Length])))
            {
                return true;
            }
        }

        return false;
    }

    // Czech or Slovak YYMMDD with the month plus 50 (women) or 20.
    private static bool BirthNumberDate(ReadOnlySpan<byte> d)
    {
        var month = Two(d, 2) % 50;
        month = month > 20 ? month - 20 : month;
        return month is >= 1 and <= 12 && Two(d, 4) is >= 1 and <= 31;
    }

    // "na przykładzie z Wikipedii, 44051401359", "the example from the docs: …": a number the text presents as an example (a
    // documented test number shown as such, docs/LABELLING.md), read in the clause just before it.
    private static readonly string[] ExampleWords =
    [
        "example", "for instance", "sample", "beispiel", "exemple", "ejemplo", "exemplo", "esempio", "voorbeeld", "przykład", "пример",
        "örnek", "exempel", "wikipedia", "wikipedii", "wikipédia", "википеди", "例えば", "例如", "示例", "예시", "예를", "placeholder", "플레이스홀더",
        "プレースホルダー", "占位",
    ];

    private static bool ShownAsExample(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 48)..start];
        var stop = before.LastIndexOfAny(ClauseEnds);
        before = before[(stop + 1)..];
        foreach (var word in ExampleWords)
        {
            if (before.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> ClauseEnds = System.Buffers.SearchValues.Create(".!?;\n\r。？！");
}
