namespace Majordomo.Tests.Classification;

/// <summary>
/// HR, legal, health and insurance documents (probe 36 read by category; docs/CLASSIFIER.md): a person's social, pension, insurance,
/// health and residence numbers by their labels; a named person's personnel and claim numbers; an id read back in a short
/// question; a one-time code after an insurer's "approved" sentence — each beside its twin: the noun with no value, a template's
/// field, a masked value, a machine's serial, a number with no person named.
/// </summary>
public class SensitiveDossiersTests
{
    [Theory]
    [InlineData("Versicherte: Ingrid Roth, Vers.-Nr. T204418736, AOK Nordost")]
    [InlineData("氏名 石川 真理子　基礎年金番号 5120-448193")]
    [InlineData("피보험자 박서연, 증권번호 HK-2023-5581027")]
    [InlineData("Paciente: Rocío Benítez, NUHSA AN0773120458")]
    [InlineData("Applicant Priya Ramnath, NI no QZ 62 18 05 B")]
    [InlineData("Re: Mr Tomasz Wrobel, NHS 721 448 3096")]
    [InlineData("my son's Medicaid ID is 440918277B")]
    [InlineData("{\"client\": \"Siobhan Keane\", \"pps_number\": \"7041258KA\"}")]
    [InlineData("Titular: Mihai Rusu, IDNP 2003041187732")]
    [InlineData("Nom : KONATÉ. N° étranger : 7703218845.")]
    [InlineData("beneficiary Nguyen Thi Lan, A-Number A 219 550 174")]
    [InlineData("Name: Petra Vogl. Schwerbehindertenausweis Nr. 09 217 448 6")]
    [InlineData("姓名 刘晓梅，住院号 ZY2026118304")]
    [InlineData("Jestem Tadeusz Mróz, numer emerytury 1K/04/118327")]
    [InlineData("Jméno: Lucie Dvořáková, číslo pojištěnce 8562141178")]
    public void PersonsSocialInsuranceAndHealthNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("What do the letters at the start of a National Insurance number mean?")]
    [InlineData("Is NHS 111 free to call from a mobile?")]
    [InlineData("基礎年金番号は何桁ですか？")]
    [InlineData("보험증권번호는 보통 어디에 적혀 있나요?")]
    [InlineData("¿Qué es el NUHSA del SAS?")]
    [InlineData("the nss library and niss 20441 are unrelated")]
    [InlineData("Meine Kasse schreibt: 'Ihre Versichertennummer lautet A12345678*' mit Sternchen")]
    [InlineData("Versicherten-Nr. K7******56 steht in der App")]
    [InlineData("Ab welchem GdB gibt es einen Schwerbehindertenausweis?")]
    public void TheirNounsWithNoValueOrAMaskedOne_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Gentile sig. Davide Ferraro (matricola 40718), la richiesta è accolta")]
    [InlineData("Sayın Elif Demirtaş (sicil no 7702), izniniz onaylandı")]
    [InlineData("人事異動通知　社員番号 K-58213　氏名 中村 亮介")]
    [InlineData("Herrn Jonas Brückner, Personalnummer 22904, Abmahnung")]
    [InlineData("Hi Ms Okoro, employee no. 60417 shows two entries")]
    [InlineData("성명 이준호, 사번 20187743, 재직기간 2019 ~ 2026")]
    [InlineData("员工 周建华，工号 30721，申请调到夜班")]
    [InlineData("Madame Léa Garnier, votre sinistre n° 26-DG-118430 est en cours")]
    [InlineData("Beste Sanne de Wit (personeelsnummer 51209), je verlof is goedgekeurd")]
    [InlineData("Сотрудник Волков Андрей, табельный номер 004718, переводится")]
    [InlineData("Je suis Yanis Cherif. Mon fils est suivi au CHU, dossier 2021-448817.")]
    [InlineData("[{\"name\": \"Gareth Pryce\", \"employee_id\": \"55120\"}]")]
    public void NamedPersonsRecordNumbers_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("lavatrice Candy, matricola 3300471892, scheda da sostituire")]
    [InlineData("Our employee numbers are five digits from 10000; employee no. 99999 is the last")]
    [InlineData("Vorlage mit [Vorname Nachname], Personalnummer [00000] und [Datum]")]
    [InlineData("Wzór pisma z polami [imię i nazwisko], nr ewidencyjny [12345]")]
    [InlineData("工号一般是几位数？比如工号 30721 这种")]
    [InlineData("con [NOMBRE], [DNI: 00000000X] y [FECHA] como campos a rellenar")]
    [InlineData("Mitarbeiter: Max Mustermann  Pers.-Nr. 00001  StKl: 1")]
    [InlineData("Passager : M. THIBAULT LAMBERT  Réf. dossier : 8UXQ3K 2291")]
    [InlineData("Objet : remboursement – dossier 26-0457. Madame, Monsieur, Laurent Pichon")]
    public void RecordNumbersWithNoPersonOrATemplatesField_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("nos falta tu número de la Seguridad Social para el alta. ¿Es 08/1047291833?")]
    [InlineData("me piden el número de la Seguridad Social. ¿Les pongo 28/0473391256?")]
    [InlineData("Hi Sam, your claim is approved (£742). Portal code 551039 to confirm bank details.")]
    [InlineData("the gate code is #3381* for the back entrance")]
    public void AnIdReadBackACodeAfterAnApprovalOrAKeypadsStar_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("me piden el número de la Seguridad Social. ¿Les pongo el de 2026? Es el que sale.")]
    [InlineData("VISA APPROVED. AUTH CODE 0K1922 TOTAL 12.40")]
    public void AYearAskedOrAReceiptsCode_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
