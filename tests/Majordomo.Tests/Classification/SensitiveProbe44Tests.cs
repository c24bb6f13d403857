namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 44's categories (docs/CLASSIFIER.md, "Probe 44 read by category"), each secret beside its look-alike twin of the same shape:
/// a code handed over in the sentence after its noun, a delivery's code by its Dutch and Chinese nouns, a Kenyan company's KRA PIN,
/// a card slip's authorisation code under the masked card.
/// </summary>
public sealed class SensitiveProbe44Tests
{
    [Theory]
    // A code asked for, then handed over in the next sentence: past a phrase up to a colon, in groups of three, before a German participle.
    [InlineData("O motoboy pediu o código de confirmação. Eu mandei no chat: 6620. E agora?")]
    [InlineData("Sprzedający chciał kod BLIK. Podałem: 731 048. Czy to oszustwo?")]
    [InlineData("Er wollte den Bestätigungscode aus der SMS. Ich habe ihm 290 415 vorgelesen, jetzt ist das Konto leer.")]
    [InlineData("They asked me for the verification code. I read out 118 930 before hanging up.")]
    [InlineData("Me pidió el código de verificación. Le di: 5583. ¿Qué hago?")]
    // A delivery's confirmation code by its Dutch and Chinese nouns.
    [InlineData("Je bezorgcode is 6614, geef hem pas aan de deur.")]
    [InlineData("收货码 482913 已经发给快递员了")]
    // A person's KRA PIN (an A) stays a tax id.
    [InlineData("Fill my iTax form: KRA PIN A004512398Q, name Otieno")]
    // A code in a message written in sentences stays a code whatever card is masked on the line before.
    [InlineData("Card ****5521 payment pending.\nYour code is 418822. Never share it.")]
    public void HandedCodesAndPersonsIds_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("O motoboy pediu o código de confirmação. Eu mandei no chat: pedido 6620 já saiu?")]
    [InlineData("Sprzedający chciał kod BLIK. Podałem mu numer ogłoszenia 731 048 552.")]
    [InlineData("Er wollte den Abholcode wissen. Ich habe ihm um 1530 gesagt, dass er morgen kommen soll.")]
    [InlineData("They asked me for the verification code. I read out the 3 steps from the help page.")]
    [InlineData("Me pidió el código de verificación. Le di largas y colgué.")]
    [InlineData("Hoe werkt een bezorgcode bij PostNL?")]
    [InlineData("收货码是什么？为什么要给快递员？")]
    // A company's KRA PIN (a P) printed on its receipt or invoice.
    [InlineData("Receipt: 'CARREFOUR KENYA LTD · PIN P051122334Y · Till 8812'")]
    [InlineData("Invoice from Mombasa Traders, PIN No. P000998877A, total 12,400")]
    // A card slip's authorisation code printed under the masked card.
    [InlineData("Receipt:\nTotal 9.80\nVISA **** 7712 TAP\nAUTH CODE 5P2K19\nThank you")]
    public void PublicNumbersAndTalk_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
