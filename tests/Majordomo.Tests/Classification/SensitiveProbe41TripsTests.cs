using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Travel and bookings, read by category (probe 41; docs/CLASSIFIER.md "Probe 41 read by category"): each secret beside its look-alike —
/// a passenger's document in a DOCS element against the element's format, a card with its expiry against a ticket's number, a visa's
/// and a policy's number against talk about them, a code dictated with commas against a list, and the company numbers that only look
/// like ids (a loyalty number, a lost bag's file, a booking's dated reference, Stripe's publishable key).
/// </summary>
public sealed class SensitiveProbe41TripsTests
{
    [Theory]
    [InlineData("SSR DOCS LX HK1 P/CHE/X4418203/CHE/03OCT91/M/21JAN33/MEIER/ROLF")]
    [InlineData("SRDOCS KL HK1-P-NLD-NW4K71P92-NLD-17FEB84-F-09MAY30-DEVRIES-ANOUK/P2")]
    [InlineData("3DOCS/P/IT/YA7729104/IT/05JUL77/M/30NOV29/ROSSI/MARCO")]
    [InlineData("SSR DOCS IB HK1 I/ESP/51840022R/ESP/14APR93/F/02DEC31/GIL/NEREA-1.1")]
    public void TravelDocumentInDocsElement_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("SSR DOCS YY HK1 P/GBR/PASSPORTNO/GBR/DDMMMYY/M/DDMMMYY/SURNAME/FIRSTNAME")]
    [InlineData("what do SSR DOCS and SSR DOCA mean in a booking?")]
    [InlineData("SSR DOCA LX HK1 R/CHE/Bahnhofstrasse 12/Zürich//8001")]
    public void DocsElementFormatsAndAddresses_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Gast Lindqvist, Garantie 4917612345098715 0828")]
    [InlineData("guarantee: 5424 1888 0012 3457 1126, room 512")]
    [InlineData("Na karcie 5167 3200 9981 2340 wisi blokada z wypożyczalni")]
    [InlineData("A kártyámon 5167 3200 9981 2340 kétszer terheltek")]
    public void CardWithExpiryOrInflectedNoun_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("ticket 2026 1104 0930 1200 0001 for the concert")]
    [InlineData("guarantee: card ending 3457, exp 1126, room 512")]
    [InlineData("Na karcie kredytowej mam limit 5000 zł")]
    public void TicketNumbersAndMaskedCards_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("номер визы 0R5518204, въезд 3 марта")]
    [InlineData("my visa number is 2204918377, single entry")]
    [InlineData("numer wizy: 20991834, ważna do września")]
    [InlineData("polizza Europ Assistance n. 7M-208-1190437, sinistro aperto")]
    [InlineData("Police der ERGO Reiseversicherung Nr. RV-66102933")]
    [InlineData("póliza de Mapfre Asistencia nº 0961-552-03417")]
    public void VisaAndPolicyNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("сколько стоит виза в Китай на 30 дней?")]
    [InlineData("la polizza Europ Assistance copre anche gli scioperi?")]
    [InlineData("the police at gate B2 took 20 minutes, number 4 queue")]
    public void VisaAndPolicyTalk_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("código del portal 3,8,1,6 y luego la campana")]
    [InlineData("gate code is 5, 0, 9, 2 then the star key")]
    [InlineData("o código do portão é 7.2.9.4")]
    public void CodesDictatedWithCommasOrDots_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("la suma de 3,8,1,6 es 18")]
    [InlineData("a versão do código é 7.2.9.4")]
    [InlineData("el código acepta 1,2,3,4 como entrada de prueba")]
    public void DigitListsAndVersions_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my frequent flyer number is LH 99200441882")]
    [InlineData("my Hilton Honors member number is 771 203 449")]
    [InlineData("Koffer verloren, meine Vorgangsnummer ist MUCLH40127")]
    [InlineData("valizim kayboldu, dosya numaram SAW-PC-80213")]
    [InlineData("予約番号：TK-251104-0193　チェックイン 15:00")]
    [InlineData("our Stripe checkout uses the clave pk_live_51Qz8Lm3Kx in the page")]
    public void CompanyNumbersThatLookLikeIds_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("my frequent flyer number is LH 99200441882 and my passport number is C4R71X902")]
    [InlineData("my file number is MUC-9920-4418")]
    [InlineData("the gateway's api_key = pk_live_51Qz8Lm3KxT7 in the backend")]
    public void TheirTwins_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    public static TheoryData<string, bool> Photos => new()
    {
        // An access code read off a photo; the same key box asked how it opens.
        { "can you type out the key box code from this picture of the host's note?", true },
        { "lies mir bitte den Türcode aus dem Screenshot vor", true },
        { "qual é o código da caixa de chaves nessa foto? não enxergo", true },
        { "how do I open this key box? there's a dial and no button", false },
        { "is this key box model safe enough for a holiday flat?", false },

        // A boarding pass and a transport card are no personal documents; a bank card still is.
        { "which gate is on this boarding pass?", false },
        { "¿qué tarjeta de transporte me conviene con este mapa?", false },
        { "qual cartão compensa para estes trajetos?", false },
        { "¿me lees el número de esta tarjeta de crédito?", true },
        { "foto do meu cartão: qual é o número?", true },
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public void PhotosAreReadByTheirAsk(string ask, bool sensitive)
    {
        var body = """{"messages":[{"role":"user","content":[{"type":"text","text":""" + "\"" + ask + "\"" + """},{"type":"image_url","image_url":{"url":"https://example.org/p.jpg"}}]}]}""";
        using var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        Assert.Equal(sensitive, HeuristicClassifier.Sensitive(view) != SensitiveKind.None);
    }
}
