namespace Majordomo.Tests.Classification;

/// <summary>
/// Credentials of the services people use and their look-alikes, read from the errors of the probe
/// <c>corpus/dev/sensitive-lookalikes-30.jsonl</c> by category (<c>SecretPhrases.ServiceKeys</c>, docs/CLASSIFIER.md "Probe 30 read by
/// category"): each look-alike beside its secret twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveServiceKeysTests
{
    [Theory]
    [InlineData("j'ai collé mon token 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 dans la config et ça dit Invalid user token")]
    [InlineData("HF_TOKEN: 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")]
    public void AProviderTokenWithALettersOnlyTail_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("should I call hf_hub_download or snapshot_download for the tokenizer?")]
    [InlineData("export HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("the tail hf_ThisIsJustAnExampleTokenForTheDocs")]
    public void AProviderPrefixOnANameOrAFiller_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("const stripe = Stripe('pk_live_51Hq8ZvK2LmNpQrStUvWxYz0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEF');")]
    [InlineData("posthog.init('phc_Kq8LmZx2PvNw4RtYb6HcJd9FgSa3QeWu5TiOp7Xy1Mn', { api_host: 'https://eu.i.posthog.com' })")]
    [InlineData("watch-only import: xpub6CUGRUonZSQ4TWtTMmzXdrXDtypWKiKrhko4egpiMZbpiaQL2jkwSB1icqYh2cfDfVxdx4df189oLKnC5fSwqPfgyP3hooxujYzAu3fDVmz")]
    [InlineData("VITE_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzAwMDAwMDB9.Qm8xZp2LrT5vW7yB9nC1dF3gH6jK8mN0pQ")]
    public void AKeyPublicByDesign_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("stripe.api_key = 'sk_live_51Hq8ZvK2LmNpQrStUvWxYz0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012'")]
    [InlineData("api_key=\"pk_live_51Hx9QmTz4KpL8wV2nR7yB3cD6\"")]
    [InlineData("curl -H 'Authorization: Bearer phx_Kq8LmZx2PvNw4RtYb6HcJd9FgSa3QeWu5TiOp7Xy1Mn' https://eu.posthog.com/api/projects/")]
    [InlineData("restore from xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi")]
    [InlineData("SUPABASE_SERVICE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImFiY2RlZmdoaWprbG1ub3BxcnN0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMDAwMDAwMH0.Qm8xZp2LrT5vW7yB9nC1dF3gH6jK8mN0pQ")]
    public void TheSecretSiblingOrAShortGatewayKey_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("every curl example in the docs uses -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: — whose account is that?")]
    [InlineData("Microsoft lists W269N-WFGWX-YVC9B-4J6C9-T83GV as the KMS client key for Pro, can I use it in the lab?")]
    [InlineData("la clé générique YTMG3-N6DYC-D7KJP-T3JG7-PY4K7 pendant l'installation")]
    public void AVendorsPublishedExampleKey_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my own test key sk_test_4Rz8QwLm2Vn7Kp1Xc9Tb5Hd3 says No such customer")]
    [InlineData("the sticker on my laptop says G9CBC-WW48C-KQQYV-KFY8G-MRHRF, can I move the licence?")]
    [InlineData("old index card: Y8JMY-JWKRX-GQVM4-9QTXQ-QT8KW in my handwriting")]
    public void AnOwnKeyOfTheSameShape_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Schreib einen Sketch: das Passwort 'Passwort123' klebt am Monitor.")]
    [InlineData("el usuario de prueba tiene la contraseña 'contraseña123' en los tests")]
    [InlineData("o seed cria o admin com senha: senha123")]
    public void ThePasswordWordWithDigits_IsADummy(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Mein Passwort ist Kranich-Oktober-73, soll ich es meinem Sohn geben?")]
    [InlineData("la contraseña: Girasol!2219 no entra")]
    public void AChosenPassword_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Dit zijn ze: 4a1c2-90be3 77f0d-1c2e8 b3e91-0a4d7 5c6d8-e2f10 09ab3-cd451")]
    [InlineData("codes:\n8e21f-03c9a\nd4b70-6a1e5\n1f9c3-b82d0\nc05e7-4a9b1")]
    public void AListOfRecoveryCodes_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Postleitzahlbereiche: 20095-22769, 34117-37085, 80331-81929, 40210-42929")]
    [InlineData("one code looks like 4a1c2-90be3 in the docs")]
    [InlineData("Zieh die Bereiche raus: Nord 20095-22769 Mitte 34117-37085 Süd 80331-81929 West 40210-42929")]
    public void DigitRangesOrASingleCode_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("kind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA1rO43cGDEq/HT1NN2wc1zRRuDaxxPcLVaocFgdfXee4A0rXiJYS09M6d2z\n")]
    [InlineData("smtp_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  62313365396662343061393464336163383764373764613633653634306231386433626436623361\n")]
    public void ASealedOrVaultedValue_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("kind: Secret\nstringData:\n  password: Wren7-quarry-Salt\n")]
    [InlineData("kind: SealedSecret\nspec:\n  encryptedData:\n    token: AgBy3i4O\nstringData:\n  password: Wren7-quarry-Salt\n")]
    public void APlainSecretBesideOrAfterTheSealedBlock_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("environment:\n  POSTGRES_USER: keycloak\n  POSTGRES_PASSWORD: keycloak\n")]
    [InlineData("  - MYSQL_USER=wp\n  - MYSQL_PASSWORD=wp\n")]
    public void APasswordThatRepeatsTheUser_IsADefault(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("  - MYSQL_USER=nextcloud\n  - MYSQL_PASSWORD=Lune-Harbor-7731\n")]
    [InlineData("environment:\n  POSTGRES_USER: keycloak\n  POSTGRES_PASSWORD: kc-Birch-4410\n")]
    public void APasswordOtherThanTheUser_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("signal wants my PIN after reinstalling. I think I set it to 834474 but not sure.")]
    [InlineData("WhatsApp asks for my PIN every week. I changed it to 550912 last month and forget it.")]
    [InlineData("我把支付密码改成了125154，真的吗？")]
    public void APinSetByAVerbOrGluedToCjk_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("My bank made me change my PIN. I set it to six digits instead of four.")]
    [InlineData("我把支付密码改成了六位数字，真的有必要吗？")]
    [InlineData("Ich habe das Session-Timeout auf 1800 gestellt, aber es greift nicht.")]
    public void ALengthOrASetting_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("mi jefe guarda las contraseñas en un Excel llamado 'contraseñas.xlsx' en el escritorio")]
    [InlineData("the team keeps passwords in 'passwords_2025.txt' on the share")]
    public void AFilesNameAfterThePasswordNoun_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Wie wahrscheinlich ist es, dass er den Link im 24-Stunden-Fenster verpasst?")]
    [InlineData("ein 12-Monats-Abo oder monatlich?")]
    [InlineData("Wie groß ist das 95%-Konfidenzintervall bei n = 40?")]
    [InlineData("Wie groß ist das 95-%-Konfidenzintervall bei n = 40?")]
    [InlineData("How wide is a 95%-confidence interval for this sample?")]
    [InlineData("Lohnt sich die 10%-Rabatt-Aktion für Stammkunden?")]
    public void ANumberedCompound_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("neuer Zugang für Lena: Herbst%95-Blatt")]
    [InlineData("temp login for the kiosk: Kx95%-sonne7")]
    public void APercentSignInsideAPassword_Is(string text) => SensitiveCategoryTests.Sensitive(text);
}
