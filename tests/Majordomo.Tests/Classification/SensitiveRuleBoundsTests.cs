namespace Majordomo.Tests.Classification;

/// <summary>
/// Four bounds on the sensitive rules (twenty-fifth session, docs/CLASSIFIER.md "Four bounds on the rules"): for each, a secret the
/// bounded rule still reads beside the look-alike it no longer takes (or the reverse: a secret it used to miss beside its look-alike).
/// </summary>
public class SensitiveRuleBoundsTests
{
    // An example's word inside a reserved domain ("aline@example.com.br", "jan@example.nl", "lohn@kanzlei.example") is an address's
    // label, not the sentence calling the value an example; the word itself still is.
    [Theory]
    [InlineData("Cadastra no CRM: Aline Souza, CPF 529.982.247-25, e-mail aline@example.com.br.", "The docs give 12345678 as an example account number, with test@example.com as the login.")]
    [InlineData("Klant: Jan de Vries, BSN 123456782, mail naar jan@example.nl voor de bevestiging", "Contact me at dana@mail.example — my order number is 100-4471-2291 and it still hasn't shipped.")]
    public void ExampleDomain_BesideRealId_StaysSensitive(string secret, string lookAlike) => Pair(secret, lookAlike);

    private static void Pair(string secret, string lookAlike)
    {
        SensitiveCategoryTests.Sensitive(secret);
        SensitiveCategoryTests.NotSensitive(lookAlike);
    }
}
