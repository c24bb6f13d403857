namespace Majordomo.Tests.Classification;

/// <summary>
/// A business register's label (SIREN, VAT …) read as the start of a password that merely begins with its letters
/// ("Sirena2019", "Vatican1929") made the password a company's public number; the label's own numbers stay public.
/// </summary>
public sealed class SensitiveGluedLabelTests
{
    [Theory]
    [InlineData("my password is Sirena2019, is that ok?")]
    [InlineData("мой пароль Sirena2019")]
    [InlineData("the wifi password is Vatican1929")]
    [InlineData("Mein Passwort ist Sirena99, ist das sicher genug?")]
    public void PasswordStartingWithARegistersLabel_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Facture FROMAGERIE DU VAL, SIREN 528771203, à régler sous 30 jours.")]
    [InlineData("Our VAT GB123456782 goes on every invoice footer.")]
    [InlineData("Rechnungsfuß: USt-ID DE129273398, Handelsregister HRB 12345.")]
    public void RegistersNumberByItsLabel_IsNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
