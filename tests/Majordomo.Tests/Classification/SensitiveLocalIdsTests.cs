namespace Majordomo.Tests.Classification;

/// <summary>
/// Ids, accounts and records in the languages of probe 34 (read by category, part two; docs/CLASSIFIER.md): each category's secret
/// beside a look-alike of the same words — the noun with no value, a price, a year or a helpline.
/// </summary>
public class SensitiveLocalIdsTests
{
    [Theory]
    [InlineData("numri personal im është K81204337L, ju lutem plotësojeni")]
    [InlineData("Ձեր անձնագիր AK0297714 է՞, թե հինը")]
    [InlineData("ჩემი პირადი ნომერი 01008034512, ჩაწერე ფორმაში")]
    [InlineData("регистрийн дугаар ТА90061522, утас биш")]
    [InlineData("የመታወቂያ ቁጥር፦ BD-301-77420")]
    [InlineData("ቁጽሪ መንነት 3-417-20068 ኣሎኒ")]
    [InlineData("lambarka aqoonsiga waa 0072 4418 3306")]
    [InlineData("inombolo yesazisi 7904235129084, enkosi")]
    [InlineData("laharana kara-panondro 204 011 337 821")]
    [InlineData("ජාතික හැඳුනුම්පත් අංකය 199512403318")]
    [InlineData("निवेदनमा: नागरिकता नं. 31-02-74-05519")]
    [InlineData("អត្តសញ្ញាណប័ណ្ណលេខ 020517734")]
    [InlineData("ໜັງສືຜ່ານແດນ P1938402 ຂອງຂ້ອຍ")]
    [InlineData("မှတ်ပုံတင် 12/LaMaNa(N)402917 ပါ")]
    [InlineData("FİN 5QW3L7X, şəxsiyyət vəsiqəsi itib")]
    [InlineData("ਆਧਾਰ 7720 4185 3061 ਹੈ")]
    public void IdNounsOfTheseLanguages_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Ku e marr numrin personal nëse kam lindur jashtë vendit?")]
    [InlineData("პირადი ნომერი რამდენი ციფრისგან შედგება?")]
    [InlineData("Регистрийн дугаар хэдэн тэмдэгттэй вэ?")]
    [InlineData("ሓድሽ መታወቂያ ንምውጻእ ክንደይ መዓልቲ ይወስድ?")]
    [InlineData("Baasaboorka cusub waa $100, ma qaali baa?")]
    [InlineData("fin de semaine, 20 mrd 12345 lire")]
    [InlineData("Tsi 204 011 337 is a company in Vigo")]
    public void IdNounsWithNoValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("akoonkayga Salaam Bank waa 0402 1178 3345")]
    [InlineData("ናብ ሕሳብ 0301 4472 9915 ኣእትዉ")]
    [InlineData("Хаан банкны данс 5004 1187 22 руу")]
    [InlineData("គណនី ACLEDA 0001-03-447281-1-9")]
    [InlineData("ບັນຊີ BCEL 0102 1100 3381 7740")]
    [InlineData("nombolo yeakhawunti: 1052 3317 84")]
    [InlineData("— खाता 034-227-51098, अन्तिम भुक्तानी")]
    [InlineData("അക്കൗണ്ട് 20431100087215, IFSC FDRL0002043")]
    public void AccountNounsOfTheseLanguages_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Данс нээхэд 15000 төгрөг шимтгэлтэй юу?")]
    [InlineData("ഈ അക്കൗണ്ട് തുറക്കാൻ എത്ര വേണം? 3000 രൂപ മതിയോ?")]
    [InlineData("Akoon cusub waa immisa? Lambarka taleefanka xafiiska waa 0612 224 455")]
    [InlineData("Nawa ne kuɗin asusun banki? Lambar taimako ita ce 0700 300 0000")]
    public void AccountNounsBesidePricesAndHelplines_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Patient Meena Iyer (UHID: KMC-2022-0047718), diabetic")]
    [InlineData("അച്ഛൻ, MRD നമ്പർ 44-207719, പക്ഷാഘാതം")]
    [InlineData("ቁጽሪ ፋይል ሆስፒታል 62-40817፣ ሕማም ሽኮር")]
    [InlineData("rhif GIG 701 448 2937, mae ganddo asthma")]
    [InlineData("targeta sanitària: ROMA 0740112008, diabètica")]
    public void RecordNumbersBesideHealth_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("the uhid column is empty in the 2024 export")]
    [InlineData("MRD opens at 8, room 12, call 0484 2851234 first")]
    public void RecordNounsWithNoValue_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("ha jụrụ m BVN m. Agwara m ha ọ bụ 22318840571. Ọ dị njọ?")]
    [InlineData("NIN m ka m dere n'akwụkwọ ahụ: o bu 70418226309")]
    public void NigerianIdsByAcronymAndLength_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("BVN has eleven digits; my phone is 08031234567")]
    [InlineData("השתמש במספר הבדיקה 000000018 בטסטים של תעודת זהות")]
    [InlineData("पैन कार्ड का फॉर्मेट क्या है? जैसे ABCDE1234F")]
    [InlineData("आधार कार्डवर किती अंक असतात? त्यात XXXX XXXX 1234 असे का?")]
    public void FixturesAndFormatExamples_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
