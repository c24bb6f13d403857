using Majordomo.Classification;

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

    // The photo rules' broad "read the …" verbs take a secret's noun only when it names the secret shown, not a topic about secrets
    // ("the password policy", "the docs on password reset", "password-policy PDF").
    [Theory]
    [InlineData("Can you read the password on this photo of the router sticker for me? The print is tiny.", "Can you read the password policy our IT team sent (screenshot) and tell me if 12 characters is enough?")]
    [InlineData("Photo of the welcome letter: read the temporary password printed at the bottom, the font is blurry.", "Please read the docs on password reset in this screenshot and summarise the steps for our new hires.")]
    public void ReadTheVerb_BesideSecretTopic_ReadsNoSecret(string secret, string lookAlike)
    {
        Assert.True(SensitiveScanner.SecretReadOffImage(secret) || SensitiveScanner.NumberReadFromPhoto(secret), secret);
        Assert.False(SensitiveScanner.SecretReadOffImage(lookAlike) || SensitiveScanner.NumberReadFromPhoto(lookAlike), lookAlike);
    }

    private static void Pair(string secret, string lookAlike)
    {
        SensitiveCategoryTests.Sensitive(secret);
        SensitiveCategoryTests.NotSensitive(lookAlike);
    }
}
