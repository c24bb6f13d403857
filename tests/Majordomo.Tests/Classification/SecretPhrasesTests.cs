using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>Secrets told in prose, chats and commands (issue 13 item 3), and the look-alikes that must stay cloud-eligible.</summary>
public class SecretPhrasesTests
{
    [Theory]
    [InlineData("Kapının şifresi 2580, kargocu gelirse söyle")]
    [InlineData("Portkoden är 1984, kan du komma ihåg den åt mig?")]
    [InlineData("Meu CPF é 529.982.247-25, preciso colocar os pontos no cadastro?")]
    [InlineData("I reuse Marigold!84 for my email, Amazon and the bank.")]
    [InlineData("mysqldump -u backup -pCaju!Doce2025 loja > dump.sql")]
    [InlineData("Le code de l'interphone chez moi c'est 4B27, tu le donneras au livreur")]
    [InlineData("Lena: wie war nochmal der Zugangscode fürs Lager\nJonas: 8842\nLena: danke!")]
    [InlineData("the temporary VPN password for the contractors is Wq7!harbor and it expires Friday.")]
    [InlineData("I set the passphrase to \"correct horse battery staple\" like the comic")]
    [InlineData("My seed phrase is: orbit canyon velvet ladder pulse ninja")]
    [InlineData("my security answer for 'favourite teacher' is Mrs Abernathy, is that guessable?")]
    [InlineData("현관 비밀번호는 1592*야. 택배 오면 알려줘")]
    public void SecretsInProse_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Translate to French: 'Please enter your password to continue.'")]
    [InlineData("The Stripe docs show test card 4242 4242 4242 4242 — what expiry do I use?")]
    [InlineData("AWS docs use AKIAIOSFODNN7EXAMPLE as an access key — where does the CLI store the real one?")]
    [InlineData("npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree")]
    [InlineData("My code has 1200 lines, can you refactor it into modules?")]
    [InlineData("Mon mot de passe est trop court selon le site, quelle longueur faut-il ?")]
    [InlineData("def login(user, password):\n    if password == user.password_hash:\n        return True")]
    [InlineData("My grandfather's combination safe from the 1950s — how do these mechanisms work?")]
    [InlineData("We upgraded the build agents to Ubuntu-22.04 and Windows-11 last week.")]
    public void LookAlikes_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);
}
