using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 54's categories (docs/CLASSIFIER.md, "Probe 54 read by category"), each secret beside its look-alike twin: a number-porting or
/// a line-transfer code, a SIM's PUK glued to Japanese or Chinese, a vendor's default log-in still in use, a pay-TV card's number in
/// groups, an insurance policy by German "-Police" and Vietnamese nouns, a provider's code word, an activation code further on in its
/// sentence, a coordinate card's values after lettered positions, an IBAN in its country's own groups, a key box's code read off a
/// screenshot; a utility's or a broadband account's number, a meter's serial, an OpenWrt section's name, a shell variable named a password.
/// </summary>
public sealed class SensitiveProbe54Tests
{
    [Theory]
    [InlineData("Here's my PAC for the switch: QWE 771 530, it runs out on the 20th")]
    [InlineData("Ik heb de overstapcode binnen: KP7T-22QX-9M, vul je hem in?")]
    [InlineData("auのMNP予約番号は 5203918847 です。申込に使います。")]
    [InlineData("SIMの裏面にPUK 90317264があります。入力していい？")]
    [InlineData("运营商说PUK码是 30918264，要输入吗")]
    [InlineData("The CCTV recorder in the shop still takes admin/admin, nobody ever changed it.")]
    [InlineData("Numero tessera Sky n. 0 3318 2290 47: serve per il trasloco del decoder")]
    [InlineData("Hausrat-Police Nr. HP-7720193 — bitte eine Kündigung formulieren")]
    [InlineData("Bên bảo hiểm hỏi số hợp đồng bảo hiểm của tôi, là HD-BH-55102938.")]
    [InlineData("Кодовое слово для оператора у меня «ласточка42», они его не принимают")]
    [InlineData("Kod aktywacyjny do portalu, ten z listu od dostawcy: PGE-4K7Q-21")]
    [InlineData("Me pidieron las casillas C2 y H5 de la tarjeta de coordenadas: 71 y 06.")]
    [InlineData("Affitto da versare su IT 52 K 03069 02117 100000009921, intestato a Carla Neri")]
    public void HomeAndTelecomSecrets_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("How do I ask Tesco Mobile for a PAC, and is it free?")]
    [InlineData("Wat is een overstapcode en hoe lang blijft die geldig?")]
    [InlineData("MNP予約番号の有効期限は何日ですか？")]
    [InlineData("PUKコードはどこに書いてある？")]
    [InlineData("The CCTV recorder's manual lists admin/admin as the default login. What should our handover note say?")]
    [InlineData("Dove trovo il numero della tessera Sky sul decoder?")]
    [InlineData("Welche Police brauche ich für Glasbruch am Wintergarten?")]
    [InlineData("Что такое кодовое слово и зачем оно оператору?")]
    [InlineData("Kod aktywacyjny nie przyszedł w liście od dostawcy — co robić?")]
    [InlineData("Me pidieron las casillas C2 y H5 de la tarjeta de coordenadas y no dije nada.")]
    [InlineData("Le nouvel IBAN du propriétaire se termine par 4471 — je modifie le virement ?")]
    [InlineData("Лицевой счёт за электричество 5501938820 — куда вводить показания?")]
    [InlineData("Número de contrato de Endesa 660029187, ¿cómo cambio de tarifa?")]
    [InlineData("Electricity bill\nAccount number: 7730 2291 0045\nMeter serial: E10KX2291\nPaying by: Direct Debit from account ending ••••2231")]
    [InlineData("Dalla bolletta: Matricola contatore 88120934, lettura 4521 Smc")]
    [InlineData("宽带账号 SZ0755118842 怎么办理过户？")]
    [InlineData("config wifi-iface 'guest_radio0'\n\toption ssid 'Loft'\n\toption key '********'")]
    [InlineData("curl -u \"$SOLAR_USER:$SOLAR_PASS\" \"https://inverter.example/api/status\" returns 401")]
    public void HomeAndTelecomLookAlikes_AreNotSensitive(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void PhotoAsks_ReadingAKeyBoxCode_AreSensitive()
    {
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Kun je de code voor het sleutelkastje uit dit bericht voorlezen?")));
        Assert.NotEqual(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Screenshot from the host: what's the key safe code it gives?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Op de foto het sleutelkastje — hoe gaat het open?")));
        Assert.Equal(SensitiveKind.None, SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo("Photo of the key safe by the door: which way do the dials turn?")));
    }
}
