using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// What phone and desktop assistants are handed (after the probe <c>sensitive-lookalikes-40</c>, docs/CLASSIFIER.md "Probe 40 read by
/// category"): a photo whose ask reads a secret off it (a SIM's PUK, a page of backup codes, a password manager's list with the
/// passwords shown); an authenticator's migration link (<c>otpauth-migration://offline?data=…</c>, the TOTP secrets encoded); a
/// card number the user names a documented test number.
/// </summary>
internal static partial class SensitiveScanner
{
    // Secrets a photo's ask may name besides a Wi-Fi key and an account's number: a SIM's PUK, backup and recovery codes and keys,
    // a wallet's recovery words, a card's security code.
    private static readonly SearchValues<string> PhotoSecretNouns = SearchValues.Create(
    [
        "puk", "backup code", "backup-code", "recovery code", "recovery key", "seed phrase", "recovery phrase", "recovery words", "cvv", "cvc",
        "codes de secours", "code de secours", "codes de récupération", "clé de secours", "clé de récupération", "backup-codes", "sicherungscode",
        "wiederherstellungsschlüssel", "wiederherstellungscode", "códigos de respaldo", "código de respaldo", "códigos de recuperación",
        "códigos de backup", "palabras de recuperación", "frase de recuperación", "frase semilla", "codici di backup", "codici di recupero",
        "chiave di ripristino", "back-upcodes", "herstelcodes", "herstelsleutel", "kody zapasowe", "kody odzyskiwania", "резервные коды",
        "yedek kod", "kurtarma kod", "kart numarası", "バックアップコード", "リカバリーキー", "復旧キー", "備用碼", "备用码", "恢复密钥", "백업 코드", "복구 키",
    ], StringComparison.OrdinalIgnoreCase);

    // Asks to read what the photo shows, past the Wi-Fi sticker's and the account's verbs: Spanish "dímelos", Turkish "yazar mısın".
    private static readonly SearchValues<string> PhotoReadVerbs = SearchValues.Create(
    [
        "read it", "read the", "read me", "read off", "read them", "read out", "type it", "type the", "type out", "type them", "copy", "write out",
        "write them", "tell me the", "tell me them", "what's the puk", "what is the puk", "lis-moi", "lis-les", "lire", "recopie", "écris", "vorlesen", "lies mir",
        "abtipp", "abschreib", "tipp sie", "tipp mir", "schreib sie", "schreib mir", "dímelos", "dime los", "dime el", "escríbem", "escribem", "escríbel", "léeme", "copia", "dimmi", "scrivi", "leggi", "me li scrivi",
        "diz qual", "me diz", "escreve", "voorlezen", "overtypen", "prześlij", "przepisz", "прочитай", "перепиши", "yazar mısın", "yazar misin", "yaz ",
        "okur musun", "söyler misin", "pásamelos", "pásamelo", "pásame los", "digitar", "digita ", "読み上げ", "読み取", "読んで", "書き出", "读一下", "打出", "읽어", "적어",
    ], StringComparison.OrdinalIgnoreCase);

    // Passwords' nouns a photo's ask may say are visible in it.
    private static readonly SearchValues<string> PhotoPasswordNouns = SearchValues.Create(
        ["password", "passwort", "mot de passe", "mots de passe", "contraseña", "senha", "wachtwoord", "hasła", "hasło", "пароль", "şifre", "パスワード", "密码", "비밀번호"],
        StringComparison.OrdinalIgnoreCase);

    // What says the passwords show in the picture (not the setting's name: "where do I turn 'show passwords' off?").
    private static readonly string[] ShownCues =
    [
        "visible", "readable", "reveal all", "lesbar", "lisibles", "legibles", "legíveis", "leggibili", "so they show", "so they're shown", "they're shown", "are shown", "showing", "revealed", "unmasked", "in plain text", "in clear",
        "sichtbar", "eingeblendet", "im klartext", "zichtbaar", "visibles", "en clair", "affichés", "se ven", "se muestran", "visíveis", "aparecem",
        "visibili", "widoczne", "видны", "görünüyor", "見えて", "表示されて", "显示出来", "보이게",
    ];

    private static readonly string[] NotShownWords = ["not", "n't", "nicht", "niet", "pas", "no", "não", "non", "nie", "не", "hidden", "dots", "masked"];

    /// <summary>
    /// The ask sent with a photo names a secret printed or shown in it and asks for it to be read out ("read out the SIM PUK on this
    /// card", "códigos de respaldo … dímelos uno por uno"), or says the passwords in the screenshot are visible ("I've ticked 'show
    /// passwords' so they're visible"): the secret travels in the image (docs/LABELLING.md, a photo whose ask says a secret is printed in
    /// it). A photo of the same screen asked about a button, or with the codes blurred, reads none out.
    /// </summary>
    internal static bool SecretReadFromPhoto(ReadOnlySpan<char> ask)
    {
        // Asked to read the codes out, they are legible: "tachados" there marks the used ones, not a redaction.
        if (ask.IndexOfAny(PhotoSecretNouns) >= 0 && ask.IndexOfAny(PhotoReadVerbs) >= 0)
        {
            return true;
        }

        if (ask.IndexOfAny(PhotoPasswordNouns) < 0 || NumbersMaskedInPhoto(ask))
        {
            return false;
        }

        foreach (var cue in ShownCues)
        {
            var at = ask.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && !SecretPhrases.WholeWordsIn(ask[Math.Max(0, at - 16)..at], NotShownWords) && !ask[Math.Max(0, at - 16)..at].Contains("n't", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Google Authenticator's export link at the "://" that starts <paramref name="rest"/>: <c>otpauth-migration://offline?data=</c> and
    /// a payload of 16 or more base64 characters (percent-escaped), which encodes every account's shared secret.
    /// </summary>
    private static bool MigrationPayload(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> rest)
    {
        if (at < 17 || !text[(at - 17)..at].Equals("otpauth-migration", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = QueryValue(rest, "data=");
        return value.Length >= 16 && Run(value, MigrationChars) == value.Length && HasDigitAndLetter(value) && !Placeholder(value);
    }

    private static readonly SearchValues<char> MigrationChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=%_-");

    // A card number the text names a test number ("one of the test numbers from a payment provider's docs", "Testkartennummer").
    private static readonly string[] TestNumberNames =
    [
        "test number", "test card", "testing number", "testkarte", "testkartennummer", "testnummer", "numéro de test", "carte de test", "tarjeta de prueba",
        "número de prueba", "números de prueba", "carta di test", "numero di test", "cartão de teste", "número de teste", "testkaart", "тестовый номер", "テスト用",
    ];
}
