using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 46's categories (docs/CLASSIFIER.md, "Probe 46 read by category"), each secret beside its look-alike twin of the same shape:
/// seed words with a blank, a test card told with its expiry, a cheque's MICR line, a loan's, a mortgage's or a brokerage's account
/// number, a policy's Arabic noun, a bank's log-in id answered in a chat, a memorable word's letters, a coordinate card's values; a
/// password manager as the tool, two-step verification as a state, an app's name with digits, a payer's EIN, a PIN passed as a
/// variable, an example IBAN named after it, security answers talked about.
/// </summary>
public sealed class SensitiveProbe46Tests
{
    [Theory]
    // Eleven seed words and a blank, written with spaces, in the middle or closing the run.
    [InlineData("Ledger sheet, word 9 smudged: ripple august zebra tobacco mimic lawsuit hollow autumn ___ embrace dinosaur flight")]
    [InlineData("Trezor card got wet, the 12th is gone:\ncanyon sibling velvet harbor orbit lunar wheat drastic pledge ankle broccoli ____\nfind it")]
    // A network's test number told as a caller's card, with its expiry.
    [InlineData("Call notes: customer read out card 4111 1111 1111 1111 exp 09/28 to confirm the refund.")]
    [InlineData("Telefonnotiz: Kundin hat ihre Karte 5555 5555 5555 4444, gültig bis 11/28, vorgelesen.")]
    // A cheque's MICR line: the routing number between transit symbols, the account before the on-us symbol.
    [InlineData("voided check: ⑆021000021⑆ 483920174⑈ 0187")]
    [InlineData("bottom line reads 7730155291⑈ 2044")]
    // A lender's or a broker's account number by its noun.
    [InlineData("mortgage portal wants my loan number to register, it's 0041887723 from the coupon book")]
    [InlineData("El número de préstamo de mi hipoteca es 0182-4410-96-0200155871")]
    [InlineData("My Robinhood account 5QR-81274 shows 12 shares of VOO")]
    [InlineData("IBKR account U4471829 — options level 2?")]
    // A policy's Arabic noun alone.
    [InlineData("رقم الوثيقة: POL-55-2281904")]
    // A bank's online log-in id answered on the next line; a memorable word's letters told.
    [InlineData("Agent: can you confirm your online banking ID?\nMe: 70118823")]
    [InlineData("It asked for letters 1, 4 and 7 of my memorable word and I typed R, A, N.")]
    [InlineData("Agent: and letters 2, 4 and 6 of your memorable word?\nMe: A, T, E")]
    // A coordinate card's values given (not its positions).
    [InlineData("El banco me pidió 'las posiciones 3, 5 y 8 de mi tarjeta de coordenadas' y se las di: 47, 91 y 20.")]
    [InlineData("O banco pediu as posições 2, 6 e 9 do meu cartão matriz e eu passei: 31, 84 e 57.")]
    // A sole trader's own EIN; a literal PIN passed to the client; a password the manager flagged.
    [InlineData("I'm a sole proprietor and my EIN is 84-3310927, which line?")]
    [InlineData("client = FinTS3PinTanClient(\"12030000\", \"kunde4471\", \"48213\", url) and the PIN 48213 works in the browser")]
    [InlineData("My password manager flagged 'Oakleaf-Ridge-7' as reused on 9 sites.")]
    // The registry's example IBAN typed as one's own.
    [InlineData("Please pay my deposit back to GB82 WEST 1234 5698 7654 32, that's my account.")]
    // A wallet's extended private key (an extended public key is no secret, below).
    [InlineData("import this into Sparrow: xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LhBVEsZBYmbMMWkzVqkKfVYpVcBfwSRLP1X")]
    public void FinanceSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("My Trezor backup card got wet and I can't read the last word. Can one missing BIP39 word be brute-forced?")]
    [InlineData("In our Stripe test suite we use 4111 1111 1111 1111, exp 12/34, as the test Visa.")]
    [InlineData("Die Testkarte 5555 5555 5555 4444 aus der Adyen-Doku wird abgelehnt.")]
    [InlineData("What do the symbols ⑆ and ⑈ on the bottom of a check mean?")]
    [InlineData("Our template prints the MICR line as ⑆ROUTING⑆ ACCOUNT⑈ CHECKNO.")]
    [InlineData("where on a mortgage statement do I find the loan number?")]
    [InlineData("My Fidelity brokerage account shows a wash sale on AAPL.")]
    [InlineData("ما الفرق بين رقم الوثيقة ورقم المطالبة في التأمين الطبي؟")]
    [InlineData("Why do UK banks ask for letters 2, 4 and 6 of your memorable word?")]
    [InlineData("¿Qué es una tarjeta de coordenadas y por qué los bancos dejaron de usarlas?")]
    [InlineData("me pidieron las posiciones 3, 5 y 8 de la tarjeta de coordenadas y colgué")]
    // A password manager named as the tool, two-step verification named as a state, an app's name with digits.
    [InlineData("open Schwab, log in with my saved credentials in the password manager and download the 2025 1099 composite PDF")]
    [InlineData("- Amex: weak password (8 chars); no 2FA\n- TurboTax: reused password; exposed in a known breach (2023)")]
    [InlineData("Consors – 2FA aktiv; DKB – kein 2FA (seit 2023)")]
    [InlineData("Як змінити PIN-код картки в Приват24?")]
    [InlineData("Как поменять ПИН-код карты в приложении Банк24?")]
    // A payer's or an employer's EIN on a tax form.
    [InlineData("FORM 1099-DIV\nPAYER TIN 23-1945930\nRECIPIENT TIN: ***-**-7712")]
    [InlineData("Employer identification number (EIN): 94-2404110\nEmployee's SSN: XXX-XX-4471")]
    // A PIN passed as a variable beside a bank code.
    [InlineData("Die PIN kommt aus keyring:\n\n```python\npin = keyring.get_password(\"fints\", \"sparkasse\")\nf = FinTS3PinTanClient(\"70050000\", user_id, pin, \"https://banking.example/fints30\")\n```")]
    // An example IBAN named as one, before or after it.
    [InlineData("Traduis : « L'exemple d'IBAN donné dans le guide de la banque est FR76 3000 6000 0112 3456 7890 189. »")]
    [InlineData("The help page gives GB82 WEST 1234 5698 7654 32 as an example IBAN — what does WEST stand for?")]
    // Security answers talked about.
    [InlineData("What kind of security question answers are actually safe to use for a bank? Everything about my first pet is on Facebook")]
    [InlineData("watch-only wallet wants my xpub: xpub6CUGRUonZSQ4TWtTMmzXdrXDtypWKiKrhko4egpiMZbpiaQL2jkwSB1icqYh2cfDfVxdx4df189oLKnC5fSwqPfgyP3hooxujYzAu3fDVmz")]
    public void FinanceTalkAndPublicNumbers_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_TypingACardOrAPasswordOut_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Tape-moi le numéro de la carte et la date d'expiration sur cette photo")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Kun je het wachtwoord van mijn inlogbrief overtypen?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Tipp mir bitte das Passwort aus dem Brief ab")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Op deze foto zie je mijn inlogbrief; wat betekent 'activeer binnen 30 dagen'?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Here's the login page. When it asks for the password I'll type it myself.")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Sur la photo, le terminal affiche « opération refusée ». Ça veut dire quoi ?")));
    }
}
