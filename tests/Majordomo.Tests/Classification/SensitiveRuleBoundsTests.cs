using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Four bounds on the sensitive rules (twenty-fifth session, docs/CLASSIFIER.md "Four bounds on the rules"): for each, a secret the
/// bounded rule still reads beside the look-alike it no longer takes (or the reverse: a secret it used to miss beside its look-alike).
/// </summary>
public class SensitiveRuleBoundsTests
{
    // A connector and a bare password-shaped token are read in the noun's clause only: a comma, a conjunction and a new subject end it;
    // a relative clause or an apposition after a comma does not.
    [Theory]
    [InlineData("The password, which my landlord set last year, is Kestrel-Bay47 — is that strong enough to keep?", "My password expired on Monday, so the laptop I'm on now is Dell7420 from the loaner pool — how do I map the shared drive?")]
    [InlineData("Пароль от роутера это Снегирь-2026, запиши его в заметку для бабушки.", "Пароль я сменил ещё в понедельник, но главная проблема теперь это Windows11 на старом ноутбуке — он жутко тормозит.")]
    [InlineData("J'ai changé le mot de passe d'Ameli, l'ancien c'était Chouquette75! et le nouveau c'est Chouquette76!", "Le mot de passe a expiré lundi, du coup la machine que j'utilise maintenant est Latitude5420 ; comment je récupère mes fichiers ?")]
    [InlineData("I reset my password yesterday, and the new one is Harbor-Quill58.", "I reset my password yesterday after the phishing scare, and what still bugs me is Outlook2019 asking again every hour. Any idea why?")]
    public void Connector_InLaterClause_ReadsNoValue(string secret, string lookAlike) => Pair(secret, lookAlike);

    // The audit's last gaps: "PIN码" glued to CJK text, and security answers in a bounded frame (Czech "je", Indonesian "saya", Arabic
    // "هو" closing its clause, Persian's verb last).
    [Theory]
    [InlineData("我的PIN码是4821，帮我记在备忘录里。", "PIN码一般是几位数？忘了的话怎么办？")]
    [InlineData("Rodné příjmení mé matky je Dvořáková, to je odpověď na bezpečnostní otázku v bance.", "Rodné příjmení matky je jedna z bezpečnostních otázek, je to bezpečné?")]
    [InlineData("Nama gadis ibu saya Wulandari, itu jawaban pertanyaan keamanan di bank.", "Nama gadis ibu saya dipakai bank untuk apa sih?")]
    [InlineData("اسم عائلة أمي قبل الزواج هو الخطيب، وهذا جواب سؤال الأمان في البنك.", "البنك طلب مني سؤال الأمان، هل هو آمن أن أستخدم اسم عائلة أمي قبل الزواج؟")]
    [InlineData("نام خانوادگی مادرم قبل از ازدواج کریمی است، جواب سوال امنیتی بانک.", "نام خانوادگی مادر قبل از ازدواج برای سوال امنیتی مناسب است؟")]
    public void AuditGaps_PinAndSecurityAnswers_Read(string secret, string lookAlike) => Pair(secret, lookAlike);

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

    // A short Latin acronym inside a longer word is that word's ("supports" holds India's "ppo"); the same acronym standing alone is read.
    [Theory]
    [InlineData("Read me the PPO number on this photo of Dad's pension letter, the print is tiny.", "Read the table in this photo — which of these sites supports passkeys?")]
    public void ReadTheVerb_AcronymInsideWord_ReadsNoSecret(string secret, string lookAlike)
    {
        Assert.True(SensitiveScanner.SecretReadOffImage(secret) || SensitiveScanner.NumberReadFromPhoto(secret), secret);
        Assert.False(SensitiveScanner.SecretReadOffImage(lookAlike) || SensitiveScanner.NumberReadFromPhoto(lookAlike), lookAlike);
    }

    // One digit repeated to an id's length is a placeholder like a zero-filled one; a real-looking id in the same pair still fires.
    [Theory]
    [InlineData("Our FHIR validator rejects this Patient — why? {\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9434765919\"}]}", "Our FHIR validator rejects this test Patient — why? {\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9999999999\"}]}")]
    public void RepeatedDigitId_IsPlaceholder(string secret, string lookAlike) => Pair(secret, lookAlike);

    private static void Pair(string secret, string lookAlike)
    {
        SensitiveCategoryTests.Sensitive(secret);
        SensitiveCategoryTests.NotSensitive(lookAlike);
    }
}
