namespace Majordomo.Tests.Classification;

/// <summary>
/// Structured data (probe 33 read by category; docs/CLASSIFIER.md): a column's header says what its cells are — a person's id, a card,
/// a record number read down its column, in CSV, semicolon, tab, pipe and box tables — beside the twins: products' barcodes, an
/// organisations' register, a header over other columns' values, an MT940 header, sandbox personas, a spreadsheet's range, a row of
/// pipe-delimited cells, an invoice's number.
/// </summary>
public class SensitiveTablesTests
{
    [Theory]
    [InlineData("nombre;dni;ciudad\nRaúl Peña;60318274Q;Soria\nInés Roca;39027715H;Lleida")]
    [InlineData("| name           | passport_no | dob        |\n+----------------+-------------+------------+\n| Olga Brandt    | 540917226   | 1977-03-02 |")]
    [InlineData(" id | name        | insurance_no | born\n----+-------------+--------------+-----------\n  4 | Ida Lund    | L442019377   | 1950-02-01")]
    [InlineData("이름|주민등록번호\n최민수|920314-1405527")]
    [InlineData("bed | patient       | hospital_no | plan\nA2  | Nora Quint    | HX5520918   | discharge")]
    public void IdColumnsOfPersonTables_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("payer,amount,card\nWendy Auld,30,4916038812275530\nRhys Orme,15,5200817733901245")]
    [InlineData("socio;cuota;tarjeta\nMarta Gil;20;4556120077318846")]
    public void CardColumnsWhoseNumbersFailLuhn_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("payer,amount,card_last4\nWendy Auld,30,5530\nRhys Orme,15,1245")]
    [InlineData("id,card_token,amount\n1,tok_visa,30")]
    [InlineData("sku,name,ean\nA1,Tea tin,6901234567892\nA2,Mug,")]
    [InlineData("品番,商品名,JANコード\nB-1,緑茶,4901111222236")]
    [InlineData("Artikel|Name|EAN|Menge\n101|Schraube|4006381333931|40\n102|Mutter|4006381333948|80")]
    public void ProductCodesAndCardTails_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Компания | ИНН | Город\nООО «Ладога» | 7812014560 | Санкт-Петербург\nАО «Север» | 2901007328 | Архангельск")]
    [InlineData("razao_social;cnpj;uf\nPadaria Bom Grão Ltda;12.417.398/0001-62;MG\nTransportes Serra Azul S.A.;04.228.517/0001-09;SP")]
    [InlineData("Umsatz;S/H;Konto;Gegenkonto\n1.190,00;S;8400;10000\n59,50;H;4930;70001")]
    [InlineData("Teil;Bezeichnung;Menge;Einheit;Preis\n100;Schraube M6;500;Stk;0,04\n101;Mutter M6;500;Stk;0,02")]
    [InlineData("Explain these tags:\n:20:STMT2611\n:25:BANKCODE/ACCOUNTNO\n:28C:00123/001")]
    public void RegistersLedgersAndOtherColumns_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Name;Konto;Bank\nJonas Alt;0532013000;Sparkasse\nEva Lind;1012288004;GLS")]
    [InlineData("Компания | ИНН\nИванов Пётр | 500100732259")]
    [InlineData("House\tAddress\tAlarm code\nMum\t3 Elm Row\t7340")]
    public void OwnColumnsWithValues_StaySensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("id,name,dob,ssn\n1,Test One,1980-01-01,XXX-XX-0001\n2,Test Two,1981-02-02,XXX-XX-0002")]
    [InlineData("Persona A: born 1990-01-01, Passport TEST12345")]
    [InlineData("Persona B: born 1985-05-05, National ID 000000000")]
    [InlineData("ERROR: value too long (card_token: \"tok_visa_4242\")")]
    [InlineData("regex for an SSN like 123-45-6789 in a column")]
    [InlineData("- Passport renewal at the post office, 2026-12-18 11:00, 45 min.")]
    public void SandboxAndExampleValues_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("id,name,dob,ssn\n1,Ann Cole,1980-01-01,404-71-2290")]
    [InlineData("Passport 533018274, born 1990-01-01")]
    [InlineData("card_token: \"tok_1QbX9eLkdIwHu7ixq4UVnN3p\"")]
    public void RealValuesBesideThem_StaySensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("range: Dec!A1:D12")]
    [InlineData("La hoja 'Pacientes!A1:F200' tiene fechas raras")]
    [InlineData("WH2|BIN-0417|8712345678128|pallet|2026-11-04")]
    [InlineData("MSH|^~\\&|LAB|CLINIC|EHR|NGC|202611301022||ORU^R01|MSG2093|P|2.5")]
    [InlineData("Példa számlaszám: SZ-2026/000418.")]
    [InlineData("Egy számlaszám így néz ki: INV-2026/001284.")]
    public void RangesPipeRowsAndInvoiceNumbers_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("user|Marigold!84|admin")]
    [InlineData("számlaszám: 11773016-11111018")]
    public void SecretsInPipeCellsAndAccounts_StaySensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
