namespace Majordomo.Classification;

/// <summary>
/// A domestic scheme's card (a Korean BC card 94…, Troy 9792) named as a card number in its line, with no expiry after it, after
/// the probe <c>sensitive-lookalikes-17</c> ("엄마 카드 번호 저장해 둬: 9410 2287 5039 6174"): the name says what the number is.
/// </summary>
internal static partial class SensitiveScanner
{
    private static readonly string[] CardNumberNames =
    [
        "card number", "card no", "카드 번호", "카드번호", "カード番号", "卡号", "kartennummer", "numéro de carte", "número de tarjeta",
        "número do cartão", "numero di carta", "numero della carta", "номер карты", "kart numarası", "kart no", "kaartnummer", "numer karty",
    ];

    private static bool NamesCardNumber(ReadOnlySpan<char> line)
    {
        foreach (var name in CardNumberNames)
        {
            if (line.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
