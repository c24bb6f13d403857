using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

public class SensitiveScannerTests
{
    [Theory]
    [InlineData("use sk-proj-Qw8rT5yU2iO9pA3sD6fG1hJ4kL7zX0cV please", SensitiveKind.ApiKey)]
    [InlineData("key sk-ant-api03-AbC123dEf456GhI789jKl012", SensitiveKind.ApiKey)]
    [InlineData("stripe sk_live_51HqLyjWDarjtT1zdp7dcXhV3", SensitiveKind.ApiKey)]
    [InlineData("ghp_7Hf3kQ9xLmN2pR8sT4vW6yZ1aB5cD0eFgH2j", SensitiveKind.ApiKey)]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnop", SensitiveKind.ApiKey)]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAQ3EGRTW5KXN2LP7D", SensitiveKind.ApiKey)]
    [InlineData("token xoxb-2741938475-5829174620384-AbCdEfGh", SensitiveKind.ApiKey)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", SensitiveKind.ApiKey)]
    [InlineData("Authorization: Bearer a8f3k2m9x7q1w5e4r6t0y8u2", SensitiveKind.ApiKey)]
    [InlineData("client_secret = \"9f8e7d6c5b4a39281706f5e4\"", SensitiveKind.ApiKey)]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow...", SensitiveKind.PrivateKey)]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----", SensitiveKind.PrivateKey)]
    [InlineData("DB_PASSWORD=hunter22", SensitiveKind.Password)]
    [InlineData("{\"password\": \"Tr0ub4dor&3\"}", SensitiveKind.Password)]
    [InlineData("my password is Summer2024!", SensitiveKind.Password)]
    [InlineData("CREATE USER bob WITH PASSWORD 'abc123'", SensitiveKind.Password)]
    [InlineData("postgres://app:h7Gq2mVx9Lr@db.example.com/orders", SensitiveKind.Password)]
    [InlineData("card 4539 1488 0343 6467 thanks", SensitiveKind.CardNumber)]
    [InlineData("4539-1488-0343-6467", SensitiveKind.CardNumber)]
    [InlineData("amex 3782 822463 10005", SensitiveKind.CardNumber)]
    [InlineData("SSN 512-44-9021", SensitiveKind.PersonalId)]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00", SensitiveKind.PersonalId)]
    [InlineData("GB82WEST12345698765432", SensitiveKind.PersonalId)]
    [InlineData("passport number C03005988", SensitiveKind.PersonalId)]
    public void Scan_Secret_IsFound(string text, SensitiveKind expected) => Assert.Equal(expected, SensitiveScanner.Scan(text));

    [Theory]
    [InlineData("order number 4000123412341235 shipped")] // 16 digits, fails Luhn
    [InlineData("call 555-123-4567 tomorrow")] // phone, not an SSN
    [InlineData("area 000-12-3456 is never issued")]
    [InlineData("released on 2024-01-15 at 10:00")]
    [InlineData("timestamp 1700000000000 ms")] // starts with 1: no card network
    [InlineData("IBAN DE89 3704 0044 0532 0130 01")] // mod-97 fails
    [InlineData("the task-force meeting")]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("password: string;")]
    [InlineData("password = getpass.getpass()")]
    [InlineData("the password is required")]
    [InlineData("api_key = \"<your-api-key>\"")]
    [InlineData("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("-----BEGIN PUBLIC KEY-----")]
    [InlineData("max_tokens = 4096 and primary key (id)")]
    [InlineData("he is the bearer of bad news")]
    [InlineData("I lost my passport in Paris in 2019")]
    [InlineData("see https://example.com/docs")]
    [InlineData("if password == expected:")]
    public void Scan_NearMiss_IsNotSensitive(string text) => Assert.Equal(SensitiveKind.None, SensitiveScanner.Scan(text));

    [Fact]
    public void Luhn_KnownNumbers_AreChecked()
    {
        Assert.True(SensitiveScanner.Luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]));
        Assert.False(SensitiveScanner.Luhn([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]));
    }
}
