using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Customer support and finance operations (after the probe <c>sensitive-lookalikes-37</c>, docs/CLASSIFIER.md "Probe 37 read by
/// category"). A card told through a channel ("전화로 카드번호 6011 …", "電話口でカード番号 …", "over the phone, 4000 …"): the channel's
/// public noun does not name the card's number. The public numbers a desk pastes: an organisation's register number by its own
/// shape (a company's CUIT <c>30-71234567-1</c>, an ИНН of ten digits beside ООО or КПП), a transfer's or a card payment's reference
/// by its acronym (CRO, TRN, UETR, ARN), sixteen digits starting with a 2 that no card network issues (a date-led reference),
/// a statement's photo whose sender blacked out its numbers.
/// </summary>
internal static partial class SensitiveScanner
{
    // A card's noun in the corpus languages: the number's own noun when it stands between a channel's public noun and the number.
    private static readonly string[] ChannelCardNouns =
    [
        "card", "karte", "carte", "tarjeta", "cartão", "carta", "kaart", "karta", "kart", "карт", "κάρτα", "visa", "mastercard", "amex",
        "카드", "カード", "卡号", "银行卡", "信用卡", "借记卡",
    ];

    /// <summary>
    /// A card's noun stands after the public noun that starts at <paramref name="from"/> in <paramref name="before"/> (the text up to
    /// the number): "전화로 신용카드 5412 …", "電話口でカード番号 4539 …" — the public noun says how the card was given, not what it is.
    /// </summary>
    private static bool CardNamedAfter(ReadOnlySpan<char> before, int from)
    {
        var tail = before[from..];
        // In a script without spaces the public noun sits inside one run ("お客様が電話口でカード番号"): read from the public stem on.
        if (tail.Length > 0 && tail[0] >= 0x2E80)
        {
            var stem = SecretPhrases.LastPublicStemEnd(tail);
            tail = stem < 0 ? tail : tail[stem..];
        }
        else
        {
            var word = 0;
            while (word < tail.Length && char.IsLetter(tail[word]))
            {
                word++;
            }

            tail = tail[word..];
        }

        return SecretPhrases.ContainsStemOf(tail, ChannelCardNouns);
    }

    // A transfer's or a card payment's reference by its acronym: Italy's CRO, a TRN, SWIFT's UETR, an acquirer's ARN (not RRN: Korea's resident number).
    private static readonly string[] ReferenceAcronyms = ["cro", "trn", "uetr", "arn"];

    private static bool ReferenceAcronym(ReadOnlySpan<char> word) => SecretPhrases.OneOf(word, ReferenceAcronyms);

    /// <summary>
    /// Sixteen digits or more starting with a 2 outside the ranges card networks issue (Mir's 2200–2204, Mastercard's 2221–2720): a
    /// reference that starts with a year ("2026120315473381"), not a card.
    /// </summary>
    private static bool NoIssuerTwo(ReadOnlySpan<byte> digits)
    {
        if (digits.Length < 4 || digits[0] != 2)
        {
            return false;
        }

        var prefix = (digits[0] * 1000) + (digits[1] * 100) + (digits[2] * 10) + digits[3];
        return prefix is not ((>= 2200 and <= 2204) or (>= 2221 and <= 2720));
    }

    /// <summary>
    /// The number at <paramref name="start"/> is an organisation's register number by its own shape: a company's CUIT in its print
    /// groups (<c>30-71234567-1</c>, 30, 33 or 34 first, its check digit right), or an ИНН of ten digits (its check right) with a Russian
    /// legal form before it on its line or a КПП after it (only an organisation has one).
    /// </summary>
    private static bool OrganisationNumberShape(ReadOnlySpan<char> text, int start)
    {
        Span<byte> d = stackalloc byte[16];
        Span<int> groups = stackalloc int[8];
        var end = DigitGroups(text, start, d, groups, dots: false, out var n, out var g, out var separators);
        if (end < text.Length && char.IsAsciiLetterOrDigit(text[end]))
        {
            return false;
        }

        if (n == 11 && g == 3 && groups[0] == 2 && groups[1] == 8 && separators == 2 && d[0] == 3 && d[1] is 0 or 3 or 4)
        {
            ReadOnlySpan<int> weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
            var sum = 0;
            for (var k = 0; k < 10; k++)
            {
                sum += d[k] * weights[k];
            }

            var check = 11 - (sum % 11);
            return (check == 11 ? 0 : check == 10 ? 9 : check) == d[10];
        }

        if (n != 10 || g != 1 || !OrganisationInn(d[..10]))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 80)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var after = text[end..Math.Min(text.Length, end + 40)];
        return SecretPhrases.WholeWordsIn(before, ["ООО", "АО", "ПАО", "ЗАО", "ОАО", "НКО", "ТОВ", "ПрАТ"]) || after.Contains("КПП", StringComparison.OrdinalIgnoreCase);
    }

    // An organisation's ИНН: ten digits, the last Σ d[i]·w[i] mod 11 mod 10.
    private static bool OrganisationInn(ReadOnlySpan<byte> d)
    {
        ReadOnlySpan<int> weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = 0;
        for (var k = 0; k < 9; k++)
        {
            sum += d[k] * weights[k];
        }

        return sum % 11 % 10 == d[9];
    }

    // What the sender did to a document's numbers before photographing it: blacked out, covered, masked, redacted.
    private static readonly string[] MaskingWords =
    [
        "blacked out", "blacked-out", "covered the", "covered his", "covered her", "covered with", "covered up", "masked out", "redacted", "taped over", "geschwärzt", "abgedeckt", "unkenntlich",
        "caviardé", "caviardée", "caviardés", "caviardées", "masqué", "masquée", "masqués", "masquées", "tachado", "tachados", "tachadas",
        "tapado", "tapados", "ocultado", "ocultos", "oscurato", "oscurati", "coperto", "coperti", "cancellato", "afgeplakt", "zwart gemaakt",
        "onleesbaar gemaakt", "zamazan", "zakryt", "zaklejon", "замазан", "закрыт", "скрыт", "karartılmış", "gizlenmiş", "tarjat", "maskerad",
        "黒塗り", "隠して", "マスキング", "打码", "遮住", "涂黑", "가려", "가림", "가린", "마스킹",
        // Probe 50: scribbled over, crossed out, blurred, removed ("Versichertennummer … rausgelöscht", "risquei o número").
        "scribbled over", "scribbled out", "crossed out", "blurred", "pixelated", "removed the", "taken out", "rausgelöscht", "gelöscht", "übermalt",
        "durchgestrichen", "risquei", "rabisquei", "riscado", "rabiscado", "borrei", "tapei", "tapé", "borré", "rayé", "barré", "flouté", "supprimé",
        "sfocato", "barrato", "doorgestreept", "weggehaald", "przekreśl", "zamazał",
    ];

    private static readonly string[] Negations = ["not", "nicht", "pas", "no", "non", "niet", "nie", "не", "没", "未"];

    /// <summary>
    /// The ask that carries a photo says the sender blacked out the document's numbers ("account details blacked out by him",
    /// "IBAN und Name hat er geschwärzt"), not negated ("l'IBAN n'est pas masqué"): the photo carries none.
    /// </summary>
    internal static bool NumbersMaskedInPhoto(ReadOnlySpan<char> ask)
    {
        foreach (var word in MaskingWords)
        {
            var at = ask.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (word[0] < 0x2E80 && at > 0 && char.IsLetter(ask[at - 1])))
            {
                continue;
            }

            var before = ask[Math.Max(0, at - 24)..at];
            if (!NegationBefore(before))
            {
                return true;
            }
        }

        return false;
    }

    // An account's or a card's number named in the ask that carries a photo.
    private static readonly SearchValues<string> AccountNumberNouns = SearchValues.Create(
    [
        "iban", "account number", "sort code", "card number", "numéro de compte", "numéro de carte", "kontonummer", "kartennummer",
        "número de cuenta", "número de tarjeta", "numero di conto", "numero della carta", "número da conta", "número do cartão", "rekeningnummer",
        "numer konta", "номер сч", "номер карт", "hesap numarası", "kart numarası", "계좌번호", "카드번호", "口座番号", "カード番号", "账号", "卡号",
    ], StringComparison.OrdinalIgnoreCase);

    // The read-out verbs the Wi-Fi sticker's ask uses, and French "lis-le" ("lis-le-moi").
    private static readonly SearchValues<string> MoreReadOutVerbs = SearchValues.Create(["lis-le", "lisez", "read out", "type in"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask that carries a photo asks for an account's or a card's number to be read off it ("l'IBAN n'est pas masqué, lis-le-moi",
    /// "read me the account number and sort code"): the number travels in the image (docs/LABELLING.md, like a Wi-Fi sticker's key).
    /// </summary>
    internal static bool AccountReadFromPhoto(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(AccountNumberNouns) >= 0 && (ask.IndexOfAny(ReadOutVerbs) >= 0 || ask.IndexOfAny(MoreReadOutVerbs) >= 0);
}
