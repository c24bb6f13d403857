using Majordomo.Config;

namespace Majordomo.Tests.Config;

public class ConfigPathTests
{
    [Theory]
    [InlineData(null, "(root)")]
    [InlineData("", "(root)")]
    [InlineData("$", "(root)")]
    [InlineData("$.defaultRoute", "defaultRoute")]
    [InlineData("$.server.urls[1]", "server.urls[1]")]
    [InlineData("$.chains.free[2]", "chains.free[2]")]
    [InlineData("$.models['copilot/gpt-4.1'].tier", "models[\"copilot/gpt-4.1\"].tier")]
    [InlineData("$.models['a.b'].fallbacks[0]", "models[\"a.b\"].fallbacks[0]")]
    [InlineData("$.models.p/m.tier", "models[\"p/m\"].tier")]
    [InlineData("$.routes.my-route.chain", "routes.my-route.chain")]
    [InlineData("$.providers['has space'].api", "providers[\"has space\"].api")]
    public void FromJsonPath_SystemTextJsonPath_BecomesConfigPath(string? jsonPath, string expected)
    {
        Assert.Equal(expected, ConfigPath.FromJsonPath(jsonPath));
    }

    [Theory]
    [InlineData("", "providers", "providers")]
    [InlineData("providers", "copilot", "providers.copilot")]
    [InlineData("models", "copilot/gpt-4.1", "models[\"copilot/gpt-4.1\"]")]
    [InlineData("models", "a\"b\\c", "models[\"a\\\"b\\\\c\"]")]
    [InlineData("models", "1abc", "models[\"1abc\"]")]
    [InlineData("", "a.b", "[\"a.b\"]")]
    public void Key_KeyThatIsNotAPlainIdentifier_UsesEscapedBracketForm(string parent, string key, string expected)
    {
        Assert.Equal(expected, ConfigPath.Key(parent, key));
    }

    [Fact]
    public void Index_ParentAndIndex_AppendsBracketedIndex()
    {
        Assert.Equal("chains.free[2]", ConfigPath.Index("chains.free", 2));
    }
}
