namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 17's categories the earlier rules left (the train file <c>corpus/train/sensitive-categories-19.jsonl</c>;
/// <c>SensitiveScanner.CardPrints</c>, <c>SecretPhrases.Puzzles</c>, <c>SecretPhrases.Defaults</c>, <c>SecretPhrases.FormQuestions</c>,
/// docs/CLASSIFIER.md "Probe 17's categories landed"): each category a pair — values phrased unlike the file, in several languages,
/// and what only looks like them. Every single text is checked through the prefilter too.
/// </summary>
public class SensitiveLeftoverCategoryTests
{
    [Theory]
    [InlineData("o meu cartão: 10293847 2 ZY7, validade 2031")]
    [InlineData("Segue o documento do titular — 30571846 9 ZW3")]
    [InlineData("doc 305718469ZW3 no formulário")]
    [InlineData("保険証は記号：10140 番号：283917 です")]
    [InlineData("ゆうちょの口座、記号 12340 番号 28391741 に振り込んで")]
    [InlineData("診察の受付で記号7 番号0412と言われた")]
    public void IdsAsTheirCardsPrintThem_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Encomenda 10293847 2 unidades, referência ZY7")]
    [InlineData("doc 305718469ZW4 no formulário")]
    [InlineData("記号と番号はどこに書いてありますか？")]
    [InlineData("この記号12は何を意味しますか")]
    public void NumbersThatOnlyLookLikeCardPrints_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("headers = {'app_id': '7d2f9c04b81e4a63a5c0e9f1d3b6a728'}")]
    [InlineData("GET https://openexchangerates.org/api/latest.json?app_id=5b1e8c9d0a7f4e2b9c3d6a8f1e0b7c42")]
    [InlineData("{\"appid\": \"a94c1e07f3b2d86e5f0c9a17b4d2e38c\", \"q\": \"Derby\"}")]
    [InlineData("X-App-Id: 0f3e9b27c14a8d5e6b9f2a0c7d1e4b83")]
    public void AppIdsThatAreKeys_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("\"app_id\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\"")]
    [InlineData("FB.init({ appId: '1784561203349812' })")]
    [InlineData("app_id = os.environ[\"OXR_APP_ID\"]")]
    [InlineData("{'app_id': 'YOUR_APP_ID_HERE'}")]
    public void AppIdsThatAreNoKeys_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("escape room for the office party: the chest opens with 5-0-3-8, write a riddle per digit")]
    [InlineData("Schatzsuche im Garten, die Kiste öffnet sich mit 6 2 9 4 — schreib ein Rätsel dazu")]
    [InlineData("el club secreto de mi hija tiene contraseña: \"dragón de fresa\", escríbeles un lema")]
    public void DigitsAndPasswordsOfGames_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the door code for the building is 5-0-3-8, see you tonight")]
    [InlineData("mi contraseña: \"dragón de fresa\", no se la digas a nadie")]
    public void TheSameValuesOutsideAGame_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Der Zahlenschloss-Tresor im Hotel: Werkseinstellung 000000, bitte ändern")]
    [InlineData("the hotel safe says factory code 1234 on the sticker inside the door")]
    [InlineData("la caja fuerte viene con el código por defecto 0000")]
    public void AFactoryDefault_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the hotel safe code is 7391, the default was 0000")]
    [InlineData("router default password is Kx7!mP29qL, printed on the sticker")]
    [InlineData("Tresor im Ferienhaus: Code 4821")]
    public void AChosenOrUniqueCode_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Example: Heron-Maple-Quartz-58 — then choose your own")]
    [InlineData("Beispiel: Tanne!Fluss!Kiesel42, bitte nicht übernehmen")]
    public void AnExampleLabelledAsSuch_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void AnUnlabelledPasswordShapedToken_IsStillSensitive() => SensitiveCategoryTests.Sensitive("my new one is Heron-Maple-Quartz-58 — remember it");

    [Theory]
    [InlineData("sign-up page: security question: your mother's maiden name (required)")]
    [InlineData("Sicherheitsfrage: Name Ihres ersten Haustiers (optional)")]
    [InlineData("pregunta de seguridad: nombre de tu primer colegio")]
    public void AFormsSecurityQuestion_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("security question: your first pet's name? Biscuit")]
    [InlineData("Sicherheitsfrage: Name Ihres ersten Haustiers — Bello")]
    [InlineData("la question secrète c'est « nom de votre premier instituteur » et j'avais mis Monsieur Garnier")]
    public void AQuestionWithItsAnswer_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the bank wants my memorable word. It's 'Carrickfergus' — do I type it all?")]
    [InlineData("phone banking asked for the memorable information. That's 'Tintagel', right?")]
    public void AMemorableWordQuotedAfterItsCopula_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Fact]
    public void AMemorableWordExplained_IsNot() =>
        SensitiveCategoryTests.NotSensitive("what is memorable information? It's a second secret besides the password — is it case-sensitive?");

    [Fact]
    public void AnExampleInTheModelsTurn_IsNot() =>
        Assert.False(SensitiveConversationTests.Conversation("give me a passphrase idea", "Example: Otter-Lantern-Basil-47 — pick your own words the same way.", "ok, I'll make my own"));

    [Fact]
    public void ACitizenCardNumberGivenAsAnAnswer_IsSensitive() =>
        Assert.True(SensitiveConversationTests.Conversation("quero mudar a morada", "Qual é o número do seu cartão de cidadão?", "30571846 9 ZW3, obrigado"));

    // Probes 18 and 21's leftovers (SensitiveScanner.CodeIds, SecretPhrases.FieldNames, SecretPhrases.Puzzles).
    [Theory]
    [InlineData("  at spec/user.test.js:8  expect(checkMyNumber('471029385516')).toBe(true)  // 佐藤さんの")]
    [InlineData("assert is_valid_my_number(\"305918274460\")")]
    [InlineData("マイナンバー（社員）: 562039184471")]
    public void AMyNumberNamedOnItsLine_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("isValidMyNumber('123456789012') // counting placeholder")]
    [InlineData("MyNumber field length: 12 digits, order 471029385516 shipped")]
    public void TwelveDigitsThatAreNoMyNumber_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"kind\":\"passport\",\"number\":\"[REDACTED]\",\"issuer\":\"FRA\"}\n2026-11-02T10:00:00Z INFO trace=9f2c1d7e-8a31-4b2c-9e0f-5d6a7b8c9d01")]
    [InlineData("Extract the invoice number, IBAN and total from this:\nInvoice 2026-4471\nTotal 1,280.00")]
    [InlineData("Вытащи номер, ИНН и сумму из счёта:\nСчёт № 5521 от 3 декабря")]
    [InlineData("Bokning: PNR 2816403395, tåg 521 Stockholm–Göteborg")]
    [InlineData("The card number has a smudged digit: 4716 2290 1183 4_52. Which digits make it Luhn-valid?")]
    [InlineData("la tarjeta sanitaria la tienes en el primer cajón de la cómoda del pasillo, y si algo pasa mi móvil es 699 41 20 73")]
    public void NounsNamingFieldsOrOtherNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"kind\":\"passport\",\"number\":\"18AB44120\",\"issuer\":\"FRA\"}")]
    [InlineData("Extract the IBAN from this, mine is DE44 5001 0517 5407 3249 31")]
    [InlineData("Anmälan: Leo Ek, pnr 150412-3326, allergi mot nötter")]
    [InlineData("card number 4716 2290 1183 4452, exp 08/29")]
    [InlineData("la tarjeta sanitaria de mi madre es 4471 0938 2211, por si la piden")]
    public void TheSameNounsWithTheirValues_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}

