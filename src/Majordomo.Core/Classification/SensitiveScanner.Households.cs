using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Home, utilities and public services (after the probe <c>sensitive-lookalikes-43</c>, docs/CLASSIFIER.md "Probe 43 read by
/// category"): photos whose ask says what they carry — a filled-in form whose ask names its id and bank fields, a lock's or an
/// alarm's screen whose ask says the codes show beside each entry.
/// </summary>
internal static partial class SensitiveScanner
{
    // What says the form in the picture is filled in, not blank.
    private static readonly SearchValues<string> FilledCues = SearchValues.Create(
    [
        "filled in", "filled-in", "filled out", "filled-out", "completed", "ausgefüllt", "rempli", "relleno", "rellené", "rellenado", "rellenada", "rellenas", "rellenos",
        "cumplimentad", "compilato", "compilata", "compilé", "preenchid", "preenchi ", "ingevuld", "wypełnion", "wypełnił", "заполненн", "заполнил",
        "doldurdu", "doldurulmuş", "記入済", "記入した", "填好", "填写好", "已填", "작성한", "기입한",
    ], StringComparison.OrdinalIgnoreCase);

    // An id's or a bank's field a form's ask may name, read at a word's start ("rib" is not "describe").
    private static readonly string[] FormIdFields =
    [
        "ni number", "national insurance", "bank details", "account number", "sort code", "iban", "rib ", "rib,", "rib.", "steuer-id",
        "steueridentifikationsnummer", "steuernummer", "sozialversicherungsnummer", "rentenversicherungsnummer", "bankverbindung", "kontonummer",
        "sécurité sociale", "numéro fiscal", "coordonnées bancaires", "ssn", "social security", "tax id", "nhs number", "bsn", "burgerservicenummer",
        "rekeningnummer", "pesel", "numer konta", "cpf", "nif", "dni", "codice fiscale", "datos bancarios", "dados bancários", "número de cuenta",
        "número da conta", "снилс", "инн", "номер сч", "passport number", "マイナンバー", "口座番号", "身份证号", "银行卡号", "주민등록번호", "계좌번호",
        "tc kimlik",
    ];

    /// <summary>
    /// The ask sent with photos of a form says it is filled in and names an id's or a bank's field in it ("the 3 pages of my housing
    /// benefit form, filled in — check the NI number and bank details"): the values travel in the pictures, like a card's number in a
    /// photo of the card (docs/LABELLING.md). A blank form asked where a number goes, and one whose fields the sender covered, carry
    /// none. Read over every user turn: the ask is often the first message and the last one only "page 2".
    /// </summary>
    internal static bool FilledFormPhotographed(ReadOnlySpan<char> asks) =>
        asks.IndexOfAny(FilledCues) >= 0 && SecretPhrases.WordIn(asks, FormIdFields) && !NumbersMaskedInPhoto(asks);

    // A device whose screen or app lists the codes used: an alarm's panel, a keypad, a smart lock.
    private static readonly string[] CodeDevices =
    [
        "alarm", "keypad", "lock", "smart lock", "alarmanlage", "tastenfeld", "schloss", "alarme", "serrure", "clavier", "alarma", "cerradura",
        "teclado", "allarme", "serratura", "tastierino", "fechadura", "alarmsysteem", "slot", "zamek", "centrala alarm", "сигнализац", "замок",
        "kilit", "警報", "スマートロック", "报警", "门锁", "智能锁", "도어락", "경보",
    ];

    // The codes' nouns, read at a word's start ("Benutzercodes" is a compound of its own).
    private static readonly string[] ListedCodeNouns =
    [
        "codes", "pins", "pin codes", "user codes", "benutzercodes", "zugangscodes", "codes utilisateur", "codes d'accès", "códigos", "codici",
        "kody", "коды", "пин-коды", "暗証番号", "コード", "密码", "비밀번호",
    ];

    // What says the codes show in the picture, beside each entry of its log or list.
    private static readonly string[] ListedShownCues =
    [
        "shown", "listed", "displayed", "visible", "next to each", "beside each", "stehen neben", "stehen bei", "angezeigt", "sichtbar",
        "apparaissent", "affichés", "visibles", "aparecen", "se ven", "compaiono", "visibili", "aparecem", "staan bij", "staan naast",
        "zichtbaar", "widoczne", "видны", "отображаются", "表示され", "显示", "보여",
    ];

    // The words before a code's noun that make it public: an error's or a fault's code is no secret.
    private static readonly string[] FaultWords = ["error", "fault", "trouble", "status", "event", "fehler", "störung", "erreur", "défaut", "error de", "errore", "foutcode", "błęd", "ошибк"];

    // What hides the codes in the picture.
    private static readonly string[] HiddenWords = ["****", "hidden", "masked", "ausgeblendet", "verborgen", "masqués", "cachés", "ocultos", "nascosti", "ukryte", "скрыт"];

    /// <summary>
    /// The ask sent with a photo of an alarm's, a keypad's or a smart lock's log or user list says the codes show beside each entry
    /// ("Codes are shown next to each event", "die Benutzercodes stehen neben jedem Eintrag"): the codes travel in the picture, as a
    /// lock's log read out by a tool does (docs/LABELLING.md). A fault log's error codes, and codes the screen hides, are not.
    /// </summary>
    internal static bool ListedCodesPhotographed(ReadOnlySpan<char> ask)
    {
        if (!SecretPhrases.WordIn(ask, CodeDevices) || !SecretPhrases.WordIn(ask, ListedShownCues) || SecretPhrases.WordIn(ask, HiddenWords)
            || NumbersMaskedInPhoto(ask))
        {
            return false;
        }

        foreach (var noun in ListedCodeNouns)
        {
            for (var at = ask.IndexOf(noun, StringComparison.OrdinalIgnoreCase); at >= 0;)
            {
                if ((at == 0 || !char.IsLetter(ask[at - 1]) || noun[0] >= 0x2E80) && !SecretPhrases.WordIn(ask[Math.Max(0, at - 12)..at], FaultWords))
                {
                    return true;
                }

                var next = ask[(at + 1)..].IndexOf(noun, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return false;
    }

    // A Czech or Slovak account's nouns, before the number in its national shape.
    private static readonly string[] SlashedAccountNouns = ["účet", "účtu", "účtem", "účte", "č. ú.", "č.ú.", "bankovní spojení", "bankové spojenie", "číslo účtu", "čísla účtu"];

    /// <summary>
    /// A Czech or Slovak account number in its domestic shape at <paramref name="start"/> — an optional prefix of up to six digits and a
    /// dash, two to ten digits, a slash and the bank's four-digit code ("2401883716/2010", "19-2000145399/0800") — with an account's noun
    /// in the 32 characters before it (docs/LABELLING.md: account numbers). A case's number ("č. j. 1254/2026") has no account's noun.
    /// </summary>
    internal static bool SlashedBankAccount(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '-' or '/'))
        {
            return false;
        }

        var k = start;
        var run = DigitRun(text, k);
        if (run is >= 1 and <= 6 && k + run < text.Length && text[k + run] == '-')
        {
            k += run + 1;
            run = DigitRun(text, k);
        }

        k += run;
        if (run is < 2 or > 10 || k >= text.Length || text[k] != '/' || DigitRun(text, k + 1) != 4)
        {
            return false;
        }

        var end = k + 5;
        return (end == text.Length || !char.IsLetterOrDigit(text[end])) && SecretPhrases.ContainsAny(text[Math.Max(0, start - 32)..start], SlashedAccountNouns);
    }

    private static int DigitRun(ReadOnlySpan<char> text, int from)
    {
        var k = from;
        while (k < text.Length && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        return k - from;
    }
}
