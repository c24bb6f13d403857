namespace Majordomo.Tests.Classification;

/// <summary>
/// A password told as one plain word after its noun in Polish, Russian, Ukrainian, Turkish, Korean, Chinese and Japanese
/// (docs/CLASSIFIER.md, "Plain-word passwords after the noun"), each with the look-alikes that put a verb, an adjective, a
/// negation or a question word in the same place. Every verdict is checked through the prefilter too.
/// </summary>
public class SensitivePlainWordPasswordTests
{
    [Theory]
    [InlineData("Moje hasło to stokrotka, nie mów nikomu.")]
    [InlineData("Hasło do drukarki jest malina")]
    [InlineData("Мой пароль — подсолнух, не забудь.")]
    [InlineData("мой пароль василёк")]
    [InlineData("Пароль от роутера: одуванчик")]
    [InlineData("Мій пароль — барвінок.")]
    [InlineData("şifrem lavanta, not al")]
    [InlineData("Parolam ıhlamur.")]
    [InlineData("비밀번호는 민들레야.")]
    [InlineData("密码是蒲公英。")]
    [InlineData("パスワードはたんぽぽです。")]
    public void PlainWordAfterTheNoun_IsSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("Moje hasło to podstawa, prawda?")]
    [InlineData("Hasło jest nieprawidłowe, spróbuj jeszcze raz.")]
    [InlineData("Мой пароль не подходит.")]
    [InlineData("мой пароль украли, помогите")]
    [InlineData("Пароль это важно, запомни.")]
    [InlineData("Мій пароль — неправильний, каже банк.")]
    [InlineData("şifrem çalındı, ne yapmalıyım?")]
    [InlineData("Şifrem yanlış, neden?")]
    [InlineData("비밀번호는 뭐야?")]
    [InlineData("密码是什么？")]
    [InlineData("密码是错误的。")]
    [InlineData("パスワードは忘れました。")]
    [InlineData("パスワードは大事です。")]
    public void DescribingWordAfterTheNoun_IsNot(string text) => SensitiveCategoryTests.NotSensitive(text);
}
