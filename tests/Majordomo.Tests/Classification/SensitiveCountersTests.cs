using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// What probes 44 and 42 left (docs/CLASSIFIER.md, "Probes 44 and 42, what was left"; SensitiveScanner.Counters, SecretPhrases.Counters),
/// each category beside its twin: a code read out whose sentence names a terminal, a CPF in a log's field, TC numbers under a list's
/// header, a network's test card told as a customer's, a gateway's key under a Spanish or Portuguese name, India's UTR against the UK's,
/// the password noun's own word chosen as the password, Brazil's RA; ids photographed and read out against card machines' screens.
/// </summary>
public class SensitiveCountersTests
{
    [Theory]
    [InlineData("Jemand ruft an, sagt er sei vom Support, und fragt nach dem Bestätigungscode für das Terminal. Ich hab ihm 447 120 vorgelesen.")]
    [InlineData("He said he was from support and needed the confirmation code for the terminal. I read him 735 918 off my phone.")]
    public void CodesReadOutForATerminal_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Der Support hat mir für das Terminal die Ticketnummer 447120 gegeben, wie lange dauert das?")]
    [InlineData("My card terminal shows 'code 447 120' after every failed tap, is that an error code?")]
    public void TerminalsTicketsAndErrorCodes_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Log:\n2026-12-03 INFO pix recebido valor=120.00 pagador_cpf=41788203915 nome=RENATA SOUZA")]
    [InlineData("`evento=cobranca cpf_pagador=18609139035 valor=45.00`")]
    [InlineData("{\"payerCpf\": \"529.982.247-25\", \"valor\": 10}")]
    public void CpfsInFields_AreSensitive_WhateverTheirCheckDigits(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Mascarei o CPF no log: `pagador_cpf=***.016.613-** valor=120.00`")]
    [InlineData("No teste o log mostra `pagador_cpf=00000000000 nome=TESTE`. É normal?")]
    [InlineData("Log do Pix: `recebedor_cnpj=34982117000105 valor=300.00` — como extraio o CNPJ?")]
    [InlineData("O pedido=41788203915 saiu, valor=120.00")]
    public void MaskedZeroCompanyAndOtherFields_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Şu müşteri listesini tabloya dök (ad, TC no, telefon, borç):\nAyşe Kaya, 31842077516, 0532 114 8890, 1.250 TL\nEmre Demir, 50419322084, 0544 702 3311, 480 TL")]
    public void TcNumbersUnderTheirHeader_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Kargo listesini tabloya çevir (alıcı, sipariş no, kargo firması):\nSelin Koç, 20431877102, Yurtiçi\nBurak Tan, 20431877345, Aras")]
    [InlineData("Müşteri listesi şablonu: ad, TC no, telefon, borç sütunları olsun; TC no sütununu boş bırak.")]
    public void OrderNumbersAndEmptyTemplates_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("customer just read out her card over the phone for a cake order, 4000 0566 5566 5556 exp 09/28, how do i key it in?")]
    [InlineData("Un cliente me dictó su tarjeta por teléfono: 4000 0566 5566 5556, caduca 10/28.")]
    public void TestNumbersToldAsACustomersCard_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("In Stripe test mode, what does the test card 4000 0566 5566 5556 simulate?")]
    [InlineData("The order number for the cake order, 40005665 56, is on the receipt")]
    public void TestNumbersNamedAsTests_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("```php\n$claveSHA256 = 'Mk9m98IfEblmPfrpsybt7wEt7ru5KBmg';\n$fuc = '999008881';\n```")]
    [InlineData("`$chaveSecreta = 'Rk2pL9wQ4vB7nM1xZ8cT5yH3jD6fG0sA';` onde está o erro?")]
    [InlineData("config = { clave_comercio: \"bN4mV8cX2zL6kJ9hG3fD7sA1pO5iU0yT\" }")]
    public void GatewayKeysUnderSpanishAndPortugueseNames_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("```php\n$claveSHA256 = getenv('REDSYS_CLAVE');\n$fuc = '999008881';\n```")]
    [InlineData("En el ejemplo pone `$claveSHA256 = 'TU_CLAVE_SECRETA';` ¿dónde consigo la mía?")]
    [InlineData("if ($clave == $otra) { return; }")]
    public void KeysFromTheEnvironmentPlaceholdersAndComparisons_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("इस मैसेज से UTR नंबर और रकम निकालो: 'Rs 2,450.00 debited from A/c XX4471 to VPA sharmadairy@okaxis on 05-12-26. UTR 433918274410.'")]
    [InlineData("Pull the UTR and amount: 'INR 1,200.00 credited to A/c XX3307 by UPI. UTR 433017725561 on 04-12-26.'")]
    [InlineData("NEFT done, UTR SBIN326051487201, amount 15,000. When will it reach the seller?")]
    public void IndiasTransferReferences_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("My UTR is 8412093377, can you fill it into the self assessment letter?")]
    [InlineData("HMRC refund credited — my UTR 8412093377 is on the letter")]
    public void TheUksTaxpayerReference_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("jajaja mi hijo de 6 años ha puesto de contraseña del Roblox «contraseña» y encima está orgulloso")]
    [InlineData("ma fille a mis « motdepasse » comme mot de passe de sa tablette, je sais plus si je dois rire")]
    [InlineData("Mein Sohn hat für Fortnite als Passwort wirklich „passwort“ genommen")]
    [InlineData("meu filho botou a senha do Free Fire como 'senha', acredita?")]
    public void ThePasswordsOwnWordChosen_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("¿Es muy mala idea usar «contraseña» como contraseña? Mi hijo quiere hacerlo.")]
    [InlineData("Comment on dit « mot de passe » en allemand ? C'est « Passwort » ?")]
    [InlineData("Auf dem Anmeldeformular steht nur „Passwort“ und daneben ein leeres Feld.")]
    [InlineData("      DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>  Optional: false")]
    public void ThePasswordsOwnWordAskedTranslatedOrAKey_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("Monta uma tabela com aluno, RA e turma:\nLucas Pereira, RA 104552781, 7º B\nIsabela Nunes, RA 104553019, 7º B")]
    [InlineData("O RA da minha filha é 000109245631-4, onde vejo se está certo?")]
    [InlineData("Meu RA da faculdade é 2231048, e a senha do portal do aluno eu esqueci")]
    public void BrazilsRa_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Onde encontro o RA do aluno no boletim?")]
    [InlineData("Paciente com artrite reumatoide, RA 2 de 5 na escala, como ajustar?")]
    [InlineData("Convert RA 14h 39m 36s to degrees for Alpha Centauri.")]
    [InlineData("Our RA budget line 4471203 covers 2 resident assistants")]
    public void RaElsewhere_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Fact]
    public void IdsAndCardsPhotographed_AreSensitive_CardMachinesScreensAreNot()
    {
        Assert.NotEqual(SensitiveKind.None, Scan("Foto do meu RG pra cadastro de entregador. Consegue ler o número do RG e o CPF?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Foto da minha CNH pro cadastro no app. Consegue ler o número do registro?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Here's a photo of the customer's card, can you read me the number so I can key it in?"));
        Assert.NotEqual(SensitiveKind.None, Scan("Foto do cartão do cliente, lê o número e a validade pra eu digitar na maquininha?"));
        Assert.Equal(SensitiveKind.None, Scan("This is the error my card reader shows, what does it mean?"));
        Assert.Equal(SensitiveKind.None, Scan("Essa é a tela da maquininha depois que o cliente passou o cartão. Que erro é esse 'TRANSAÇÃO NEGADA 51'?"));
        Assert.Equal(SensitiveKind.None, Scan("Esta es la pantalla del datáfono cuando el cliente pasó la tarjeta, ¿qué significa 'ERROR 116'?"));
        Assert.Equal(SensitiveKind.None, Scan("Foto da maquininha: apareceu 'CARTÃO INVÁLIDO' quando o cliente passou. O que faço?"));
        Assert.Equal(SensitiveKind.None, Scan("Foto da etiqueta do pacote, lê o código de rastreio pra mim?"));
    }

    private static SensitiveKind Scan(string ask) => SensitiveSupportDeskTests.Scan(SensitiveSupportDeskTests.Photo(ask));
}
