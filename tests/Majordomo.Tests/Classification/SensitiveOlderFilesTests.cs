using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The older dev files' last errors, by category (<c>SecretPhrases.OlderFiles</c>; docs/CLASSIFIER.md "The older dev files' last
/// errors"): each secret beside its look-alike twin of the same shape. Every text is checked through the prefilter too.
/// </summary>
public class SensitiveOlderFilesTests
{
    [Theory]
    [InlineData("Text my cousin that the old tablet password is now velvet harbour 37 and to keep it to herself.")]
    [InlineData("the kids' console login is now rocket pickle 52, tell nobody")]
    [InlineData("Sag Oma, das Passwort vom Laptop ist jetzt grüne Gießkanne 18 und sie soll es aufschreiben.")]
    [InlineData("La contraseña de la tele ahora es gato naranja 26, no se la digas a tus primos.")]
    public void APassphraseOfPlainWordsAndANumberAfterIsNow_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("The old tablet password is now twelve characters with a symbol, is that enough?")]
    [InlineData("the kids' console login is now blocked after 22 o'clock, can I change that?")]
    [InlineData("Das Passwort vom Laptop ist jetzt länger als 16 Zeichen und Oma schafft es nicht.")]
    public void ADescriptionOfThePasswordAfterIsNow_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Für den Schulausflug braucht die Lehrerin den Kinderreisepass. Der von Lea hat die Nummer K8P2T4X71, reicht die Kopie?")]
    [InlineData("Die Ausweisnummer T7K3M9R52 wird im Formular nicht angenommen.")]
    [InlineData("Me piden el número de la Seguridad Social de mi madre. El suyo es 46/12873409/52, ¿va con barras?")]
    [InlineData("Devo rinnovare il passaporto di mia figlia. Quello vecchio ha il numero YB8812734, lo devo riportare?")]
    public void AnIdsNumberInTheSentenceAfterItsNounOrItsCompound_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("My passport expires in May and I still have to book the renewal photos. The embassy has the number 0207 946 0000, is that the consulate?")]
    [InlineData("Wo steht die Ausweisnummer? Die Nummer hat neun Zeichen, glaube ich.")]
    [InlineData("Me piden el número de la Seguridad Social. El mío es de 2011, ¿sigue valiendo?")]
    public void APublicNumberOrAFormatInTheNextSentence_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("the router password hint is 'our street'. the real one is Lindenweg1987 fyi, save it in the house notes")]
    [InlineData("Das Laptop-Passwort hat einen Hinweis. Das echte ist Tulpenbeet33, aber Papa vertippt sich immer.")]
    [InlineData("お父さん、Wi-Fiのパスワード覚えてね。kx82-Lmq9ra だよ。")]
    [InlineData("老婆，家里wifi密码别忘了。asus55mk7q 就是这个。")]
    public void APasswordToldAsTheRealOneOrOpeningTheNextSentence_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the router password hint is on the fridge. the real issue is that nobody reads it, ideas?")]
    [InlineData("Wi-Fiのパスワードを変えたい。v2.4.7 のルーターでも同じ手順ですか？")]
    [InlineData("家里wifi密码太长了。ASUS RT-AX58U 能改短一点吗？")]
    public void ADescriptionOrAModelAfterThePasswordsSentence_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Summarise:\n\n[18:02] Ines: what's the wifi at the lake house\n[18:03] Ravi: network Seehaus_Gast, password kingfisher\n[18:03] Ines: thanks!")]
    [InlineData("Resume:\n\nBea: ¿el wifi?\nLuis: red Casa_Olmo, clave golondrina\nBea: gracias")]
    public void AWifiAnswerNamingTheNetworkAndThenItsKey_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Summarise:\n\n[18:02] Ines: what's the wifi at the lake house\n[18:03] Ravi: network Seehaus_Gast, password is on the router\n[18:03] Ines: thanks!")]
    public void AWifiAnswerNamingTheNetworkAndWhereItsKeyIs_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("fun register(email: String, password: String): Result<User> = api.register(email, password)")]
    [InlineData("export function login(user: string, password: string): Observable<Token> { return this.http.post(url, { user, password }); }")]
    [InlineData("fn verify(password: &str, hash: &str) -> bool { bcrypt::verify(password, hash).unwrap_or(false) }")]
    public void ASignaturesTypeAfterThePasswordsName_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("const session = await login('root', 'Vt82!qpLm4'): this is the prod admin, why does it time out?")]
    [InlineData("login(password: \"Rk27#wuQ9z\"): is what the script calls with the real deploy password")]
    public void ARealPasswordPassedInTheSameCode_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("配置模板：\n\n```yaml\nsmtp:\n  user: noreply\n  password: 您的邮箱密码\n```")]
    [InlineData("この設定のどこを変える？\n\n```\nDB_PASSWORD=あなたのDBパスワード\n```")]
    public void APlaceholderToldInCjkWordsOfItsNoun_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("配置连不上：\n\n```yaml\nsmtp:\n  user: noreply\n  password: Mail2025!qz\n```")]
    [InlineData("この設定で動かない：\n\n```\nDB_PASSWORD=pQ7rT2xw9\n```")]
    public void ARealPasswordInTheSameConfig_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Wie funktioniert die Modulo-97-Prüfung einer IBAN genau? Bitte mit Beispielrechnung ohne echte Kontonummer.")]
    [InlineData("Which standard defines the IBAN check, ISO 7064 mod 97-10? I need to cite it in the spec.")]
    public void AnIbansCheckNamedWithItsModulus_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Meine IBAN DE02 1203 0000 0000 2020 51 besteht die Modulo-97-Prüfung nicht, warum?")]
    public void AnIbanBesideItsModulusCheck_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
