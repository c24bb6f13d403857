namespace Majordomo.Classification;

/// <summary>
/// A meter's serial and a supply point's, a deposit scheme's or a fine's reference read by an id's digit rules (docs/LABELLING.md
/// "Not sensitive"; <c>SensitiveServiceReferencesTests</c>): a number an id's cue or a bank's word ("conta" in "contador") would
/// otherwise claim. Ids read by their own check digits alone (a CPF, a Steuer-ID) are not asked.
/// </summary>
internal static partial class SensitiveScanner
{
    // A utility's meter in the corpus languages ("contador" is also an accountant: only weak ids are read past it).
    private static readonly string[] MeterNouns =
        ["meter", "zähler", "compteur", "contatore", "contador", "licznik", "счётчик", "счетчик", "表号", "电表", "水表", "メーター", "계량기", "मीटर"];

    /// <summary>
    /// A meter's noun or a service's acronym in capitals (SecretPhrases' CUPS, PDL, TDS, PCN…) in the number's line, in the 48
    /// characters before the digit at <paramref name="start"/>.
    /// </summary>
    private static bool ServiceNumberBefore(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 48)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        if (SecretPhrases.WordIn(before, MeterNouns))
        {
            return true;
        }

        for (var k = 0; k < before.Length; k++)
        {
            if (char.IsAsciiLetterUpper(before[k]) && (k == 0 || !char.IsLetterOrDigit(before[k - 1])))
            {
                var length = 1;
                while (k + length < before.Length && char.IsAsciiLetter(before[k + length]))
                {
                    length++;
                }

                if ((k + length == before.Length || !char.IsLetterOrDigit(before[k + length])) && SecretPhrases.ServiceAcronym(before.Slice(k, length)))
                {
                    return true;
                }

                k += length;
            }
        }

        return false;
    }
}
