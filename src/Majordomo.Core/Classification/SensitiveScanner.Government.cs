using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Government forms (after the probe <c>sensitive-lookalikes-51</c>, docs/CLASSIFIER.md "Probe 51 read by category"): the photo of a blank
/// form asked which box a number goes in carries no one's number (docs/LABELLING.md: "photo of the blank form: which box does the NI
/// number go in?" is not sensitive), whatever id its question names.
/// </summary>
internal static partial class SensitiveScanner
{
    // Which box or field of the form a value goes in.
    private static readonly SearchValues<string> BoxWords = SearchValues.Create(
        ["which box", "what box", "which field", "casilla", "qual campo", "quale campo", "en qué campo", "welches feld", "welchem feld", "quelle case",
            "dans quelle", "welk vakje", "welk veld", "które pole", "którym polu", "в какое поле", "в какую графу"],
        StringComparison.OrdinalIgnoreCase);
}
