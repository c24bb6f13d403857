namespace Majordomo.Classification;

/// <summary>
/// Travel ids against booking references, after the blind probe <c>sensitive-lookalikes-22</c> (docs/CLASSIFIER.md, "Probe 22
/// read by category"): a passport's number by its Arabic and Japanese names ("رقم جواز سفري", a guest register's 旅券番号 column),
/// and, not values, a booking's reference or a flight named by a booking word right before it while the sentence speaks of a
/// passport ("pide el número de pasaporte … no coincide con la reserva Q7MVR4").
/// </summary>
internal static partial class SecretPhrases
{
    // Appended to Phrases (a method, so the order the partial files' fields initialise in does not matter).
    private static (string Phrase, Want Want)[] TravelPhrases() =>
    [
        // "جواز سفري", "جوازي": the passport glued to its possessive; "旅券番号" is the official Japanese name of the passport's number.
        ("جواز", Want.Digits), ("旅券番号", Want.Digits), ("旅券", Want.Digits), ("passnummer", Want.Digits), ("paspoortnummer", Want.Digits),
    ];

    // Words between a booking's name and its value: a possessive, an article or a connector ("κράτησή σας Q2WZ7P", "la reserva Q7MVR4").
    private static readonly string[] BookingGlue = ["σας", "σου", "your", "votre", "ta", "su", "tu", "ihre", "deine", "uw", "je", "la", "le", "el", "a", "o", "de", "is", "ist", "es", "est", "é", "è", "nr", "no"];

    // A booking's, a reservation's or a flight's word: stems, and the short words whole ("vol", "voo", "lot").
    private static readonly string[] BookingStems =
    [
        "booking", "reservation", "réservation", "reserva", "prenotazione", "boeking", "buchung", "rezerwac", "rezervasyon", "бронир", "κράτησ",
        "πτήσ", "localizador", "flight", "flug", "vuelo", "vlucht", "uçuş", "рейс", "pnr", "予約", "예약", "航班", "预订",
    ];

    private static bool BookingWord(ReadOnlySpan<char> word)
    {
        foreach (var stem in BookingStems)
        {
            if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return word is "vol" or "voo" or "volo" or "lot" or "Vol" or "Voo" or "Volo" or "Lot";
    }

    /// <summary>
    /// Whether the first value after a noun ending at <paramref name="end"/> (in its sentence) is named by a booking's, a flight's or
    /// an order's word just before it: the noun's value was not given, a public reference was.
    /// </summary>
    private static bool BookingValue(ReadOnlySpan<char> text, int end)
    {
        var rest = text[end..Math.Min(text.Length, end + 120)];
        var digit = rest.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var start = digit;
        while (start > 0 && (char.IsAsciiLetterOrDigit(rest[start - 1]) || rest[start - 1] == '-'))
        {
            start--;
        }

        var before = rest[..start].TrimEnd(" \t:#«\"'„“");
        for (var words = 0; words < 2 && !before.IsEmpty; words++)
        {
            var from = before.Length;
            while (from > 0 && char.IsLetter(before[from - 1]))
            {
                from--;
            }

            var word = before[from..];
            if (word.IsEmpty)
            {
                return false;
            }

            if (BookingWord(word))
            {
                return true;
            }

            if (!OneOf(word, BookingGlue))
            {
                return false;
            }

            before = before[..from].TrimEnd(" \t");
        }

        return false;
    }
}
