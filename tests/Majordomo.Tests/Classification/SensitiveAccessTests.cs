using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The ninth session's categories (docs/CLASSIFIER.md, "Access words, locks, credential pairs"): each detector's secrets in
/// several languages, phrased unlike the probes <c>sensitive-lookalikes-7</c>, <c>-9</c> and <c>-13</c>, and the look-alikes
/// it must leave alone. Every verdict is checked through <see cref="SensitivePrefilter"/> too.
/// </summary>
public class SensitiveAccessTests
{
    [Theory]
    [InlineData("The marina's wifi changed, it's now anchor_rope_62, pass it on to the crew.")]
    [InlineData("Chat:\nLeo: what's the hotspot on your phone?\nSam: orange_kite_19\nLeo: thx")]
    [InlineData("Nouveau mot pour le routeur du chalet : marmotte_blanche_14, à mettre sur le frigo.")]
    [InlineData("Das WLAN im Vereinsheim: tor_jubel_2023, bitte nicht weitersagen.")]
    [InlineData("新しいルーターにした。パスは kaeru_ame_808 だよ")]
    public void AccessKeysToldAsChosenWords_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Which router should I buy for a flat with thick walls?")]
    [InlineData("Chat:\nAna: what's the office network name?\nBo: Office_Guest_5G\nAna: ok")]
    [InlineData("const router = express.Router(); router.use('/api_v2', handler_v1);")]
    [InlineData("the hotspot keeps dropping every 10 minutes on my phone")]
    public void RoutersAndNetworkNames_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Our bank uses a memorable word too; mine is BRAMBLEWOOD, is that fine?")]
    [InlineData("The duress word for the alarm monitoring is tangerine, tell the cleaner.")]
    [InlineData("Das Geheimwort für die Abholung im Kindergarten lautet Regenbogen.")]
    [InlineData("La palabra secreta para el hotel es mandarina, apúntala.")]
    [InlineData("Наше секретное слово для охраны: подсолнух.")]
    public void SecretWordsByOtherNames_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("What is a memorable word and why do UK banks ask for three letters of it?")]
    [InlineData("Should a duress word be a common word or a rare one?")]
    [InlineData("Wie wählt man ein gutes Geheimwort für die Kita?")]
    public void TalkAboutSecretWords_IsNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("The shed padlock: spin to 8, then 31, then back to 15.")]
    [InlineData("Der Fahrradtresor im Keller geht mit 07-22-19 auf.")]
    [InlineData("El candado de la taquilla se abre con 11-29-03.")]
    [InlineData("The old lock on the trunk: right to 25, left past it to 3, then right to 36.")]
    [InlineData("Le coffre-fort du bureau : 40-12-08, à transmettre au remplaçant.")]
    public void LockCombinations_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("our distributed lock uses SET NX PX 30000 and expires after 14 s on worker-2")]
    [InlineData("How do combination locks with numbers 0 to 39 work?")]
    [InlineData("Why did package-lock.json change after npm install?")]
    [InlineData("the safe in the hotel room takes 4 to 6 digits")]
    public void LockTalkAndCode_IsNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("save this: the streaming account is fam.berg@mailbox.org and goldfinch42")]
    [InlineData("Oma nutzt für ihr Konto oma.hilde@gmx.de und dazu Rosengarten1952")]
    [InlineData("para el banco: p.lopez@correo.es con girasol2019")]
    public void AddressAndPasswordPairs_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("write to support@parcelhub.com about order ORD20931 arriving damaged")]
    [InlineData("fixture: {'email': 'qa@example.com', 'password': 'password123'}")]
    [InlineData("contact anna@firma.de and bob@firma.de about the Q3 report")]
    public void AddressesWithoutAPassword_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("he put it in the group chat: \"pinecone8842!\" — how do I tell him to delete it")]
    [InlineData("la clave quedó en el grupo: \"lagartija7731#\" y nadie la borró")]
    public void PasswordsEndingInASymbol_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("we made the top10! list again")]
    [InlineData("Windows11! finally installed")]
    public void WordsWithNumbersAndBang_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Je nieuwe activeringscode is 8PQ-4ZT, geldig tot morgen.")]
    [InlineData("Din engångskod till appen är 6WK-91R.")]
    public void LowerCaseCompoundCodes_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("De postcode is 1017 AB, het huisnummer 12.")]
    [InlineData("Welke barcode staat er op doos 4471?")]
    public void PublicCompoundCodes_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Cliente: la nueva tarjeta 4716 2290 4431 8802, vence 03/29.")]
    [InlineData("Karte: 5311 0472 9983 1165 (gültig bis 10/28)")]
    [InlineData("رقم البطاقة 4485 3301 2277 9046 ينتهي 07/27")]
    public void CardNumbersFailingLuhnWithACue_AreSensitive(string text) => Sensitive(text);

    // One rule for a card failing Luhn (SensitiveScanner.Cards): the cues, shapes and expiries of both former rules.
    [Theory]
    [InlineData("el cargo a mi débito 4716 2290 4431 8803 salió dos veces")]
    [InlineData("4716 2290 4431 8803 cvv 512, why is it declined")]
    [InlineData("4716 2290 4431 8803 valid thru 11/2027")]
    [InlineData("4716 2290 4431 8803\n03/29")]
    [InlineData("Kártya: 3782 822463 10006")]
    [InlineData("帮我填表：姓名王芳，银行卡 6222 0212 3456 7890 127，开户行工商银行。")]
    [InlineData("신한카드 카드번호 9410-8201-7734-5519, 유효기간 03/30")]
    public void CardNumbersFailingLuhnByAnyCardOrExpiryCue_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("batch 4716 2290 4431 8803 closed at 03:29")]
    [InlineData("카드 재발급 접수번호 9410-8201-7734-5519")]
    [InlineData("card 4716 2290 4431 88 on the list")]
    public void GroupedNumbersWithoutACardShapeCueOrExpiry_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("our checkout test fills #card with 4000 0000 0000 9995 to force insufficient funds")]
    [InlineData("la tarjeta de prueba 5555 5555 5555 4444 debe pasar la validación")]
    [InlineData("tracking 4716 2290 4431 8802 for the card reader shipment")]
    [InlineData("invoice 4716 2290 4431 8802 paid on 03/29")]
    public void TestCardsAndNumbersNamedPublic_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("On the insurer's form, to the question about my first car I replied Corolla.")]
    [InlineData("Na pergunta do banco sobre a minha avó respondi Benedita.")]
    [InlineData("秘密の質問の答え、「好きな食べ物は？」は『おもち』にしてる")]
    public void SecurityAnswersByVerbOrBracket_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("Which question did you answer first in the exam?")]
    [InlineData("In the quiz question 4 I picked Paris, was that right?")]
    public void QuestionsWithoutAnAnswerGiven_AreNot(string text) => NotSensitive(text);

    [Theory]
    [InlineData("Patient: Jörg Lenz, geb. 11.09.1960, Krankenversichertennr. B987654321")]
    [InlineData("Sie hat einen neuen Kinderreisepass; der hat die Nummer C7H2K9L4M.")]
    [InlineData("Vyplň prosím: rodné číslo 625301/4411, adresa Brno.")]
    [InlineData("Список: ПІБ, РНОКПП.\nПетренко Ганна — 3304512870")]
    public void IdsByNounWhenTheCheckFails_AreSensitive(string text) => Sensitive(text);

    [Theory]
    [InlineData("my passport expires in October 2027; do I need to renew before a trip in May?")]
    [InlineData("le vecchie password scadono il 30/06, poi si entra solo con SPID")]
    [InlineData("SELECT * FROM orders WHERE id = 'a3c1e9f2-7b4d-4e8a-9c6f-2d5b8e1a7f30'; -- which user?")]
    [InlineData("DATABASE_URL=mysql://BENUTZER:PASSWORT@db:3306/shop")]
    [InlineData("Separe os códigos de rastreio: LB123456789HK, 20231104XJ77Q")]
    public void DatesUuidsPlaceholdersAndTracking_AreNot(string text) => NotSensitive(text);

    private static void Sensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    private static void NotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);
}
