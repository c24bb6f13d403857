using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Travel and bookings (after the blind probe <c>sensitive-lookalikes-41</c>, docs/CLASSIFIER.md "Probe 41 read by category"): a
/// passenger's passport or id card in a reservation's DOCS element (<c>SSR DOCS BA HK1 P/GBR/533219874/GBR/14MAR85/F/…</c>), a card's
/// number with its expiry typed right after it as one run (<c>4539148803436467 0927</c>), and a photo whose ask reads an access code
/// or a password out of it (a host's message with the key box's code, a welcome e-mail's door code). Not a personal document in a
/// photo: a transport, tourist or boarding card named by Spanish "tarjeta" or Portuguese "cartão", nor a boarding pass (a name and a
/// booking's reference, like an order number with a name: docs/LABELLING.md).
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>
    /// At a DOCS element's name (<c>SSR DOCS</c>, <c>SRDOCS</c>, <c>3DOCS/</c>), within its line's next 48 characters: a document's kind
    /// (P passport, I id card, C, A, M, F), its issuing country, and a number of five characters or more with four digits, joined by '/'
    /// or '-'. A format with placeholders (<c>P/GBR/PASSPORTNO/…</c>) has no digits in its number.
    /// </summary>
    private static bool GdsDocument(ReadOnlySpan<char> rest)
    {
        var name = rest.StartsWith("ssr docs", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("srdocs", StringComparison.OrdinalIgnoreCase) ? 6
            : rest.StartsWith("3docs/", StringComparison.OrdinalIgnoreCase) ? 6 : 0;
        if (name == 0)
        {
            return false;
        }

        var window = rest[name..Math.Min(rest.Length, name + 48)];
        var line = window.IndexOfAny('\n', '\r');
        window = line >= 0 ? window[..line] : window;
        for (var k = 0; k + 2 < window.Length; k++)
        {
            if (window[k] is 'P' or 'I' or 'C' or 'A' or 'M' or 'F' && window[k + 1] is '/' or '-' && (k == 0 || window[k - 1] is ' ' or '/' or '-')
                && DocumentFields(window[(k + 2)..], window[k + 1]))
            {
                return true;
            }
        }

        return false;
    }

    // After the kind and its separator: a country of two or three capitals, the separator, the number (letters and digits, five or
    // more, four digits at least) and the separator again.
    private static bool DocumentFields(ReadOnlySpan<char> fields, char separator)
    {
        var country = fields.IndexOf(separator);
        if (country is < 2 or > 3 || fields[..country].IndexOfAnyExceptInRange('A', 'Z') >= 0)
        {
            return false;
        }

        var number = fields[(country + 1)..];
        var length = number.IndexOf(separator);
        if (length < 0)
        {
            length = number.Length;
        }

        var value = number[..length];
        var digits = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return value.Length is >= 5 and <= 20 && digits >= 4 && !SecretPhrases.DummyValue(value);
    }

    /// <summary>
    /// A run of 19 or 20 digits that is a card's 15 or 16 (Luhn-valid, in a card's groups or unbroken) and its expiry's four digits
    /// (a month 01–12 and a year) right after it: "4539148803436467 0927", "4539 1488 0343 6467 0927". Not a test or filler number,
    /// not one named public.
    /// </summary>
    private static bool CardThenExpiry(ReadOnlySpan<char> text, int start, int end, ReadOnlySpan<byte> digits, ReadOnlySpan<int> groups)
    {
        if (digits.Length is not (19 or 20) || groups.Length < 2 || groups[^1] != 4)
        {
            return false;
        }

        var month = (digits[^4] * 10) + digits[^3];
        var card = digits[..^4];
        var cardGroups = groups[..^1];
        return month is >= 1 and <= 12 && card.Length is 15 or 16 && card[0] is >= 2 and <= 6 && (cardGroups.Length == 1 || CardGroups(cardGroups, card))
            && Luhn(card) && !TestCard(card) && !Filler(card) && !NoIssuerTwo(card) && !ImeiShaped(card) && !NamedPublic(text, start)
            && !PublishedTestCard(text, start, end, card);
    }

    // An access code's or a password's noun in the ask sent with a photo: doors, gates, alarms, key boxes and safes, the Wi-Fi's password.
    private static readonly SearchValues<string> AccessNouns = SearchValues.Create(
    [
        "door code", "gate code", "alarm code", "entry code", "access code", "safe code", "key box", "keybox", "lockbox", "lock box", "key safe", "keysafe",
        "wifi password", "wi-fi password", "digicode", "boîte à clé", "boite à clé", "code de la porte", "code d'entrée", "code du portail",
        "mot de passe wifi", "mot de passe wi-fi", "mot de passe du wifi", "schlüsselkasten", "schlüsselsafe", "schlüsseltresor", "türcode", "torcode",
        "alarmcode", "wlan-passwort", "wlan passwort", "código da porta", "código do portão", "caixa de chave", "cofre de chave", "cofre das chave", "senha do wifi", "senha wifi",
        "código de la puerta", "código del portal", "caja de llaves", "cajetín", "contraseña del wifi", "contraseña wifi", "codice della porta",
        "codice del portone", "cassetta delle chiavi", "cassetta portachiavi", "password del wifi", "sleutelkastje", "sleutelkluis", "deurcode",
        "kod do drzwi", "kod do skrzynki", "skrzynka na klucze", "skrzynki na klucze", "kod do bramy", "hasło do wifi", "hasło wifi", "код от двери",
        "код двери", "код домофона", "ключниц", "пароль от wifi", "пароль wi-fi", "kapı şifresi", "anahtar kutusu", "wifi şifresi", "キーボックス",
        "暗証番号", "ドアコード", "门禁密码", "门锁密码", "钥匙盒", "키박스", "현관 비밀번호", "도어락 비밀번호",
    ], StringComparison.OrdinalIgnoreCase);

    // The ask to read the code off the picture, next to ReadOutVerbs' ("make out", "grab", "what code…", "consegue ler").
    private static readonly SearchValues<string> AccessReadVerbs = SearchValues.Create(
    [
        "make out", "pull the", "pull out", "grab the", "what code", "which code", "what's the code", "what is the code", "qué código", "que código",
        "quel code", "welcher code", "welchen code", "che codice", "qual é o código", "qual o código", "ler o", "ler a", "recopier", "przepisz",
        "odczytaj", "jaki kod", "какой код", "kodu ne", "読み取", "读出", "알려줘",
        // Probe 47: Portuguese "pode digitar o código" (type it out).
        "digitar", "digita o", "digite o",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask sent with a photo names an access code or a password (a door's, a gate's, a key box's, the Wi-Fi's) and asks for it to be
    /// read out: the code travels in the picture, as a Wi-Fi key on a router's sticker does. A photo of the key box asked how it opens
    /// names no reading.
    /// </summary>
    internal static bool AccessCodePhotographed(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(AccessNouns) >= 0 && (ask.IndexOfAny(ReadOutVerbs) >= 0 || ask.IndexOfAny(AccessReadVerbs) >= 0)
        && (ask.IndexOfAny(WifiKeyNouns) < 0 || SecretItselfNamed(ask, WifiKeyNouns, WifiKeyNounList));

    // What makes Spanish "tarjeta" and Portuguese "cartão" a ticket, not a bank card or an id: the words right after or before it.
    private static readonly string[] TicketCardAfter =
    [
        " de transporte", " de embarque", " turística", " turistica", " turístico", " de metro", " do metrô", " do metro", " regalo", " de regalo",
        " sim", "-presente", " presente", " pré-pago", " pre-pago", " prepago", " de recarga", " de visita", " de fidelidad", " de fidelidade", " de puntos", " de pontos", " multi", " viva", " navegante", " abono",
    ];

    private static readonly string[] BareCardWords = ["tarjeta", "cartão", "cartao"];

    /// <summary>
    /// Spanish "tarjeta" or Portuguese "cartão" in the ask, not named a ticket (transport, boarding, tourist, gift, SIM card) and not the
    /// card to choose ("¿qué tarjeta me conviene?"): the user's card in the photo.
    /// </summary>
    internal static bool BareCardNamed(ReadOnlySpan<char> ask)
    {
        if (DoorCardNamed(ask))
        {
            return false;
        }

        foreach (var word in BareCardWords)
        {
            foreach (var hit in SecretPhrases.Occurrences(ask, word))
            {
                var from = hit + word.Length;
                var after = ask[from..Math.Min(ask.Length, from + 16)];
                var before = ask[Math.Max(0, hit - 6)..hit].TrimEnd(' ');
                var ticket = false;
                foreach (var name in TicketCardAfter)
                {
                    ticket |= after.StartsWith(name, StringComparison.OrdinalIgnoreCase);
                }

                // A card machine's screen or a card swiped in it ("'CARTÃO INVÁLIDO'", "o cliente passou o cartão"; SensitiveScanner.Counters).
                var machine = CardOfMachine(ask, hit, from) || ask[hit..from].IndexOfAnyInRange('a', 'z') < 0;
                if (!ticket && !machine && !before.EndsWith("qué", StringComparison.OrdinalIgnoreCase) && !before.EndsWith("que", StringComparison.OrdinalIgnoreCase)
                    && !before.EndsWith("qual", StringComparison.OrdinalIgnoreCase) && !before.EndsWith("cuál", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The digits at <paramref name="start"/> are a reference's date and serial after its letters: two to four capitals and a dash,
    /// six digits, a dash and three to five digits or capitals ("KG-230915-0042", "RE-251104-003A"): a booking's or an invoice's
    /// number, which a Finnish id's shape (DDMMYY-NNNC) would otherwise take.
    /// </summary>
    private static bool DatedReference(ReadOnlySpan<char> text, int start)
    {
        if (start < 3 || text[start - 1] != '-')
        {
            return false;
        }

        var letters = 0;
        while (letters < 5 && start - 2 - letters >= 0 && char.IsAsciiLetterUpper(text[start - 2 - letters]))
        {
            letters++;
        }

        if (letters is < 2 or > 4 || (start - 2 - letters >= 0 && char.IsLetterOrDigit(text[start - 2 - letters])))
        {
            return false;
        }

        var rest = text[start..];
        if (rest.Length < 10 || rest[..6].ContainsAnyExceptInRange('0', '9') || rest[6] != '-')
        {
            return false;
        }

        var serial = 0;
        while (7 + serial < rest.Length && char.IsAsciiDigit(rest[7 + serial]) || 7 + serial < rest.Length && char.IsAsciiLetterUpper(rest[7 + serial]))
        {
            serial++;
        }

        return serial is >= 3 and <= 5;
    }
}
