namespace Majordomo.Tests.Classification;

/// <summary>
/// What phone and desktop assistants are handed, read by category (probe 40; docs/CLASSIFIER.md "Probe 40 read by category"): each
/// category's secrets beside its look-alikes — a photo's secret read out, an authenticator's export link, a recovery key alone, a
/// bank's log-in number, a weak PIN in use; a settings screen's states, an app password's label, a removed cell, an expiry year.
/// </summary>
public class SensitiveProbe40PhonesTests
{
    // A photo whose ask reads a secret off it, or says the passwords in it are shown.
    [Theory]
    [InlineData("photo of my SIM's holder, please read out the PUK under the scratched PIN field")]
    [InlineData("Screenshot meiner Backup-Codes von GitHub, tipp sie mir bitte ab")]
    [InlineData("captura de los códigos de respaldo, aparecen tachados los usados. Dímelos uno por uno")]
    [InlineData("my password manager with 'show passwords' ticked so they're visible — which are weak?")]
    [InlineData("kartımın fotoğrafı bu, üstündeki numarayı bana yazar mısın?")]
    public void SecretsReadFromPhotos_AreSensitive(string text) => Assert.True(WithImage(text));

    [Theory]
    [InlineData("which way round does this SIM go into the tray?")]
    [InlineData("capture de la page des codes de secours (j'ai flouté les codes) : à quoi sert ce bouton ?")]
    [InlineData("my Chrome passwords page, every password still hidden behind dots — how do I export it?")]
    [InlineData("このスクリーンショットは何の画面か教えて（「バックアップコードはダウンロード済みです」）")]
    public void PhotosOfTheSameScreens_AreNot(string text) => Assert.False(WithImage(text));

    // An authenticator's migration link carries every account's secret; the format described does not.
    [Fact]
    public void AMigrationLink_IsSensitive() =>
        SensitiveCategoryTests.Sensitive("Konten exportieren (3)\notpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGGdpdGh1Yi5jb206ai5icmFuZHQaBkdpdEh1YiABKAEwAg%3D%3D");

    [Theory]
    [InlineData("How is an otpauth-migration://offline?data=<base64> link structured?")]
    [InlineData("Was bedeutet otpauth-migration:// eigentlich?")]
    public void TheMigrationFormat_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A recovery key in six groups of four, told alone; the format's X's, a UUID, a parcel's digits are not.
    [Theory]
    [InlineData("the note says T8PW-3KQZ-6MRV-9XJD-2HBN-4LCF, should I print it?")]
    [InlineData("Auf dem Zettel steht Q7RM-2K9P-XW4T-8HBN-C3LZ-V6DA. Brauch ich den noch?")]
    public void RecoveryKeysAlone_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the recovery key is shown as XXXX-XXXX-XXXX-XXXX-XXXX-XXXX, 24 characters")]
    [InlineData("Our parcel number is 4417-2210-9981-3302-1187-6650")]
    [InlineData("Die Ressourcen-ID lautet 550e8400-e29b-41d4-a716-446655440000")]
    public void GroupedLookAlikes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A bank's log-in number by its bank's name for it.
    [Theory]
    [InlineData("meine VR-NetKey lautet 5590127734, Zugang gesperrt")]
    [InlineData("Sparkasse sperrt mich aus, Legitimations-ID 4471029935")]
    public void BankLogInNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Was ist eigentlich eine VR-NetKey und wo finde ich sie?")]
    [InlineData("Hat die VR-NetKey immer 10 Stellen?")]
    public void BankLogInNounsAlone_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A weak PIN the user says is the one in use; the same digits compared as examples.
    [Theory]
    [InlineData("is 147036 a weak PIN? i've got it on my tablet right now")]
    [InlineData("Ist 2580 eine schlechte PIN? Die hab ich gerade auf meinem Handy.")]
    [InlineData("1379 c'est un code trop facile ? c'est celui de mon téléphone en ce moment")]
    public void WeakPinsInUse_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("is 123456 a bad PIN in general? asking for a slide")]
    [InlineData("Welche ist schlechter als PIN, 1111 oder 1234? Frage für eine Schulung.")]
    [InlineData("quels codes PIN à 4 chiffres sont les plus devinés ? 1234, 0000, 1111 ?")]
    public void PinsComparedAsExamples_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    // A settings screen's password line with a state, an app password's label, a removed cell, a fixture's dummy, an expiry year.
    [Theory]
    [InlineData("Password: Last changed 2 March 2024")]
    [InlineData("Contraseña: último cambio hace 3 meses")]
    [InlineData("Require Passcode: Immediately\nPassword AutoFill")]
    [InlineData("if you forget your password: recovery contacts, recovery keys, legacy contacts")]
    [InlineData("11.10. 14:22 App-Passwort erstellt: 'Kalender'")]
    [InlineData("name,login,password,url\nComdirect,[entfernt],[entfernt],https://comdirect.de")]
    [InlineData("[{\"name\":\"Example\",\"password\":\"password123\"},{\"name\":\"Demo\",\"password\":\"changeme\",\"totp\":\"JBSWY3DPEHPK3PXP\"}]")]
    [InlineData("{\"login\":{\"username\":\"myusername\",\"password\":\"mypassword\"}},{\"login\":{\"password\":\"x\"}}")]
    [InlineData("Rijbewijs: verloopt 2029\nPersonalausweis: 2029 neu beantragen")]
    [InlineData("Eine Passphrase aus 5 Wörtern einer Liste mit 7776 Wörtern")]
    [InlineData("ご注文の商品（伝票番号 5520-1938-4471）を発送しました")]
    [InlineData("is 4539 1488 0343 6467 Luhn-valid? it is a test number I copied from the processor's docs")]
    public void ScreensAndExamplesWithoutASecret_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("settings screen shows Passcode: 482913 — is that what my husband set?")]
    [InlineData("Google hat mir das App-Passwort gegeben: qwer tyui asdf ghjk")]
    [InlineData("name,username,password,url\nNetflix,jo.hale@gmail.com,Marmite-Tuesday81,https://netflix.com")]
    [InlineData("Maak hier een tabel van: Rijbewijs: 5012345678, verloopt 2031")]
    [InlineData("ለአከራዬ የሂሳብ ቁጥር 1000 2284 71653 አስገብቻለሁ")]
    [InlineData("a customer read 4000 0566 5566 5556 out over the phone, does it pass the Luhn check?")]
    public void TheSameLinesWithTheirSecret_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static bool WithImage(string text) => SensitivePastedMaterialTests.WithImage(text);
}
