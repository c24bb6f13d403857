namespace Majordomo.Tests.Classification;

/// <summary>
/// Source code that only handles secrets (this repository's own files read by a coding agent went local; the train file
/// <c>corpus/train/sensitive-categories-29.jsonl</c>, <c>SecretPhrases.SourceCode</c>, <c>SensitiveScanner.SourceCode</c>,
/// docs/CLASSIFIER.md "This repository's own source"): each category a pair — the code look-alike, and its twin holding a value.
/// Every single text is checked through the prefilter too.
/// </summary>
public class SensitiveSourceCodeTests
{
    [Theory]
    [InlineData("public object IngressGuard_500Messages() => IngressGuard(_long, \"bench-h\");")]
    [InlineData("public async Task HugeHeaders_431JsonInTheIngressShape(string path, bool anthropic)")]
    [InlineData("func CheckPassword_v2(hash, plain []byte) bool { return true }")]
    [InlineData("var flags = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);")]
    [InlineData("see `ReadInt32LittleEndian` in the reader")]
    [InlineData("log.Info($\"p95 {addedP50:F0} µs, rate {hitRate2:P1}\");")]
    public void CodeNamesWithDigits_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("login('tanaka', 'Sakura_Fubuki88')")]
    [InlineData("the wifi password is Limoncello_42 (ask before sharing)")]
    [InlineData("token: Xk9mQ2vL7pR4tZ8wN3bYhJ6c")]
    public void ValuesNextToCode_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);

    [Theory]
    [InlineData("var verdict = ok ? \"PASS\" : \"FAIL\";")]
    [InlineData("<input type={visible ? \"password\" : \"text\"} value={pwd} />")]
    [InlineData("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"what is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA\"}}]}")]
    [InlineData("[InlineData(\"{\\\"role\\\":\\\"user\\\",\\\"content\\\":[{\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"why?\\\"},{\\\"type\\\":\\\"image_url\\\",\\\"image_url\\\":{\\\"url\\\":\\\"data:image/png;base64,AA\\\"}}]}\")]")]
    [InlineData("Assert.Contains(\"web_search_20250305\", ex.Message, StringComparison.Ordinal);")]
    [InlineData("which Claude Code and the SDKs\ncall): answers {\"input_tokens\": N} with the router's own count (o200k)")]
    [InlineData("a 20k-token output of JSON-escaped code costs ~8 ms per decision")]
    [InlineData("eleven false alarms on 909 unseen prompts")]
    public void SecretWordsInCode_AreNot(string text) => SensitiveCategoryTests.NotSensitive(text);

    [Theory]
    [InlineData("{\"user\": \"jonas\", \"pass\": \"Kiefern!weg17\"}")]
    [InlineData("payload = {\"role\":\"user\",\"content\":\"my bank PIN is 6631\"}")]
    [InlineData("the front door alarm code is 5907")]
    [InlineData("the door code is 4471")]
    public void TheirTwinsWithValues_AreSensitive(string text) => SensitiveCategoryTests.Sensitive(text);
}
