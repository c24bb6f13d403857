using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Private and family life (after the probe <c>sensitive-lookalikes-48</c>, docs/CLASSIFIER.md "Probe 48 read by category"): a relative's
/// number or a secret read off a photo for them — a pension's or an id's number (PPO, PESEL, personnummer, 基礎年金番号, номер документа),
/// a letter's temporary password, a bank token's code, a shed's or a padlock's code — in the languages the photo rules lacked.
/// </summary>
internal static partial class SensitiveScanner
{
    // Asks to read or say what the photo shows, in the corpus languages.
    private static readonly SearchValues<string> FamilyReadVerbs = SearchValues.Create(
    [
        "read out", "read me", "read the", "read it", "can you read", "tell me the numbers", "tell me the digits", "what are the digits",
        "what are the numbers", "what digits", "which digits", "lies mir", "vorlesen", "lies vor", "welche zahlen", "welche ziffern", "lis-moi",
        "me lire", "lire le", "lire la", "léeme", "leeme", "me lees", "dime el", "dime la", "dime los", "consegue ler", "ler a ", "ler o ", "me diz",
        "mi leggi", "leggimi", "leggi il", "leggi la", "dimmi", "lees de", "lees het", "lees even", "voorlezen", "läsa upp", "läs upp", "läsa av",
        "läs av", "kan du läsa", "odczytaj", "przeczytaj", "odczytasz", "okuyabilir", "okur musun", "прочитай", "прочитайте", "зачитай",
        "продиктуй", "読み上げ", "読んで", "読み取", "读一下", "念一下", "读出", "읽어",
        // Probe 51: asks to type the number out ("type out my SSN … from this photo", "tipp mir die Steuer-ID ab", "digita pra mim").
        "type out", "type me", "type up", "transcribe", "abtippen", "tipp mir", "tape-moi", "tapez-moi", "recopie-moi", "digita pra mim",
        "digite pra mim", "escríbeme", "trascrivimi", "przepisz", "перепиши",
    ], StringComparison.OrdinalIgnoreCase);

    // A person's number or a secret by its noun: what the ask reads out is then the value itself.
    private static readonly string[] FamilyPhotoNounList =
    [
        "ppo", "pension number", "pension no", "rentenversicherungsnummer", "versicherungsnummer", "rentennummer", "numéro de pension",
        "número de pensión", "numero di pensione", "personnummer", "personnumret", "passnummer", "passnumret", "passport number", "pesel",
        "numer dowodu", "numer świadczenia", "numer emerytury", "sicil numara", "kimlik numara", "tc kimlik", "номер документа",
        "номер посвідчення", "номер удостоверения", "номер паспорта", "запис №", "年金番号", "基礎年金", "マイナンバー", "個人番号", "身份证号",
        "ni number", "national insurance", "nhs number", "social security", "licence number", "license number", "steuer-id",
        "password", "passwort", "mot de passe", "contraseña", "senha", "wachtwoord", "hasło", "hasła", "пароль", "şifre", "lösenord", "パスワード",
        "密码", "비밀번호", "pincode", "pin code", "code pin", "pin-code", "pinkod", "engångskod", "combination", "kombination", "combinaison",
        "combinación", "combinazione",
        // Probe 51: a tax office's and a benefits office's numbers for the person (an avis d'imposition, an HMRC or an INSS letter).
        "numéro fiscal", "identifiant fiscal", "ssn", "tax id", "taxpayer", "the utr", "utr from", "steuernummer", "steueridentifikationsnummer",
        "codice fiscale", "número do benefício", "número de benefício", "número de la seguridad social", "bsn", "burgerservicenummer",
    ];

    private static readonly SearchValues<string> FamilyPhotoNouns = SearchValues.Create(FamilyPhotoNounList, StringComparison.OrdinalIgnoreCase);

    // A code or its digits read off a lock's, a door's or a bank token's picture: named only beside the thing they open (FamilyLockNouns).
    private static readonly string[] FamilyCodeWords =
    [
        "code", "codes", "koden", "kod", "kodu", "código", "codice", "digits", "numbers", "cijfers", "zahlen", "ziffern", "siffror", "cyfry", "код",
    ];

    private static readonly SearchValues<string> FamilyLockNouns = SearchValues.Create(
    [
        "padlock", "bike shed", "shed", "garage", "gate", "locker", "keypad", "bankdosa", "säkerhetsdosa", "kodbox", "tan-generator", "tan generator",
        "digipass", "security token", "kłódk", "candado", "cadenas", "lucchetto", "hangslot", "vorhängeschloss", "schuppen", "fahrradkeller",
        "cancello", "portail", "portão", "förråd", "cykelrum", "замок", "南京錠",
    ], StringComparison.OrdinalIgnoreCase);

    // A card's or an id document's word and a number's: "tu peux me lire le numéro" of the card photographed (not a phone's number).
    // Latin words whole ("cartaz" is a poster), the others by their stems.
    private static readonly string[] FamilyCardWords =
        ["card", "cards", "carte", "karte", "kaart", "carta", "cartão", "karta", "karty", "kart", "kartı", "kartını", "kort", "kortet"];

    private static readonly SearchValues<string> FamilyCardStems = SearchValues.Create(
        ["картк", "посвідчення", "удостоверени", "legitymacj", "手帳", "カード", "证", "카드"], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] FamilyNumberWords = ["number", "numéro", "numero", "número", "nummer", "numer", "номер", "numara", "番号", "号码", "번호"];

    private static readonly string[] PhoneWords = ["phone", "téléphone", "telefon", "teléfono", "telefone", "telefono", "телефон", "電話", "电话", "전화"];

    /// <summary>
    /// The ask sent with a photo asks for a person's number (a pension's, an id's), a password, a PIN or a lock's or a bank token's code to
    /// be read out of it ("Read out the PPO number", "Odczytaj mi numer dowodu i PESEL", "İçindeki şifreyi okuyabilir misin?", "läsa upp
    /// koden på min bankdosa"): the value travels in the picture (docs/LABELLING.md, a photo whose ask reads a secret out). A masking word
    /// ("covered", "zamazane") keeps it back unless the noun is the read verb's object right after it: the user asks because the print is
    /// hard to read ("bo jest zamazane światło"), not hidden.
    /// </summary>
    internal static bool NumberReadFromPhoto(ReadOnlySpan<char> ask)
    {
        var verb = ask.IndexOfAny(FamilyReadVerbs);
        if (verb < 0)
        {
            return false;
        }

        var named = (ask.IndexOfAny(FamilyPhotoNouns) >= 0 && SecretItselfNamed(ask, FamilyPhotoNouns, FamilyPhotoNounList))
            || (SecretPhrases.WordIn(ask, FamilyCodeWords) && ask.IndexOfAny(FamilyLockNouns) >= 0)
            || ((SecretPhrases.WholeWordsIn(ask, FamilyCardWords) || ask.IndexOfAny(FamilyCardStems) >= 0) && SecretPhrases.WordIn(ask, FamilyNumberWords) && !SecretPhrases.WordIn(ask, PhoneWords));
        if (!named)
        {
            return false;
        }

        var objectAfter = ask[verb..Math.Min(ask.Length, verb + 48)].IndexOfAny(FamilyPhotoNouns) >= 0;
        return objectAfter || !NumbersMaskedInPhoto(ask);
    }
}
