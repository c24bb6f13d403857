using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// Personal finance (after the probe <c>sensitive-lookalikes-46</c>, docs/CLASSIFIER.md "Probe 46 read by category"): a cheque's
/// MICR line — the routing number between its transit symbols (⑆021000021⑆), the account before the on-us symbol (483920174⑈) — and
/// a card network's published test number told with its expiry and no test in sight (a caller's card in call notes: docs/LABELLING.md,
/// a test number told as a customer's card stays sensitive).
/// </summary>
internal static partial class SensitiveScanner
{
    // E-13B's transit and on-us symbols as Unicode's OCR block writes them.
    private const char MicrTransit = '\u2446';
    private const char MicrOnUs = '\u2448';

    /// <summary>
    /// The digit run at <paramref name="start"/> is a cheque's MICR field: nine digits between two transit symbols that pass the
    /// ABA checksum (the routing number), or six to seventeen digits closed by the on-us symbol (the account). A cheque's line carries
    /// both; either alone is read, as an OCR may drop the other's symbols.
    /// </summary>
    internal static bool MicrField(ReadOnlySpan<char> text, int start)
    {
        var run = text[start..];
        var length = run.IndexOfAnyExceptInRange('0', '9');
        if (length < 0)
        {
            return false;
        }

        if (length == 9 && start > 0 && text[start - 1] == MicrTransit && run[9] == MicrTransit)
        {
            return AbaChecksum(run[..9]);
        }

        return length is >= 6 and <= 17 && run[length] == MicrOnUs && (start == 0 || text[start - 1] is ' ' or MicrTransit);
    }

    // An ABA routing number's check: 3, 7 and 1 weigh the digits in turn, and the sum is a multiple of ten.
    private static bool AbaChecksum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var k = 0; k < 9; k++)
        {
            sum += (digits[k] - '0') * (k % 3) switch { 0 => 3, 1 => 7, _ => 1 };
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// A test or filler card number (4111 1111 1111 1111, 5555 5555 5555 4444) told with its expiry right after it ("exp 09/28",
    /// "gültig bis 11/28") and no test, sandbox or test number named in its line or the block above it: someone's card as read out
    /// on a call, which docs/LABELLING.md keeps sensitive. The same number with a test cue stays documentation.
    /// </summary>
    private static bool TestCardTold(ReadOnlySpan<char> text, int start, int end) =>
        Expiry(text[end..Math.Min(text.Length, end + 30)]) && !Cued(text, start, end, TestCues, back: 200, ahead: 100) && !CuedBlockAbove(text, start)
        && !Cued(text, start, end, TestNumberNames, back: 100, ahead: 100) && !NamedPublic(text, start);

    // Verbs that ask for what a photo shows to be typed out as text: English, French, Dutch, German (separable "tipp … ab"), Spanish,
    // Italian, Portuguese, Polish, Russian. Not "type it" or "write down": the user says so of typing it in himself ("I'll type it").
    private static readonly SearchValues<string> TypeOutVerbs = SearchValues.Create(
    [
        "type out", "type me", "type up", "transcri", "transcrí", "write out", "copy out", "tape-moi", "tapez-moi", "recopie", "retape",
        "overtypen", "overschrijven", "abtipp", "tipp mir", "tippe mir", "tipp sie", "pásame a texto", "pasa a texto", "pásalo a texto",
        "trascriv", "ricopia", "digita il", "digita o", "digitar o", "digite o", "przepisz", "перепиши", "перепечатай",
        // Probe 50: Portuguese typing asked for oneself ("Digita pra mim o número da carteirinha").
        "digita pra mim", "digite pra mim", "digita para mim", "digite para mim", "escreve pra mim", "escreva pra mim", "escreve para mim",
    ], StringComparison.OrdinalIgnoreCase);

    // A payment card's noun and what on it is asked for: its number, its expiry, its security code.
    private static readonly SearchValues<string> CardWords = SearchValues.Create(
        ["card", "carte", "tarjeta", "karte", "kaart", "carta", "cartão", "cartao", "karta", "kart"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CardFieldWords = SearchValues.Create(
    [
        "number", "numéro", "numero", "número", "nummer", "numer", "expir", "cryptogramme", "cvv", "cvc", "caducidad", "vencimiento", "ablauf",
        "gültig", "scadenza", "validade", "vervaldatum",
    ], StringComparison.OrdinalIgnoreCase);

    // A PIN's nouns a bank's letter prints, besides the passwords' (PhotoPasswordNouns).
    private static readonly SearchValues<string> PhotoPinNouns = SearchValues.Create(
        ["pincode", "pin-code", "pin code", "code pin", "código pin", "geheimzahl", "pin-kod", "pin-код"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The ask sent with a photo asks for a card's number, expiry or security code, a password or a PIN printed in it to be typed out as
    /// text ("Tape-moi le numéro de la carte et la date d'expiration", "het wachtwoord van mijn inlogbrief overtypen", "tipp mir das
    /// Passwort aus dem Brief ab"): the secret travels in the picture (docs/LABELLING.md, a photo whose ask reads a secret out). Not when
    /// the ask says the numbers are masked; a photo of the same card or letter asked about anything else types nothing out.
    /// </summary>
    internal static bool SecretTypedFromPhoto(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(TypeOutVerbs) >= 0 && !NumbersMaskedInPhoto(ask)
        && ((ask.IndexOfAny(CardWords) >= 0 && ask.IndexOfAny(CardFieldWords) >= 0) || ask.IndexOfAny(PhotoPasswordNouns) >= 0 || ask.IndexOfAny(PhotoPinNouns) >= 0);

    // A US tax form's words for the organisation whose EIN a line prints: the payer, the employer, the filer, the issuer, the lender.
    private static readonly string[] OrganisationLabels = ["payer", "employer", "filer", "issuer", "lender", "trustee", "company", "corporation", "partnership", "fein"];

    /// <summary>
    /// An EIN (two digits, a dash, seven digits) whose line names it the payer's, the employer's or another organisation's before it
    /// ("PAYER'S TIN 38-1234561", "Employer identification number (EIN): 94-2404110"): a company's tax number, public on every form it
    /// files (docs/LABELLING.md, an organisation's tax numbers). A sole trader's own EIN ("my EIN is 84-3310927") names none and stays.
    /// </summary>
    internal static bool OrganisationEin(ReadOnlySpan<char> text, int start)
    {
        if (start + 10 > text.Length || text[start + 2] != '-' || text[start..(start + 2)].IndexOfAnyExceptInRange('0', '9') >= 0
            || text[(start + 3)..(start + 10)].IndexOfAnyExceptInRange('0', '9') >= 0 || (start + 10 < text.Length && char.IsAsciiDigit(text[start + 10])))
        {
            return false;
        }

        var before = text[Math.Max(0, start - 48)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var comma = before.LastIndexOfAny(',', ';');
        return SecretPhrases.WordIn(comma < 0 ? before : before[(comma + 1)..], OrganisationLabels);
    }
}
