using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>The trained model shipped in the executable (docs/CLASSIFIER.md): present, readable, used, allocation-free.</summary>
public class LearnedModelTests
{
    private static PromptView View(string prompt) =>
        PromptView.Parse(Encoding.UTF8.GetBytes($$"""{"model":"auto","messages":[{"role":"user","content":"{{prompt}}"}]}"""), PromptView.OpenAIProtocol);

    [Fact]
    public void ShippedWeights_AreEmbedded_AndSurviveAWriteReadRoundTrip()
    {
        var model = LearnedModel.Shipped;
        Assert.NotNull(model);
        Assert.True(model.WithCues);
        using var buffer = new MemoryStream();
        model.Write(buffer);
        Assert.True(buffer.Length <= 4 * 1024 * 1024, $"weights are {buffer.Length} bytes; the limit is 4 MB");
        buffer.Position = 0;
        var copy = LearnedModel.Read(buffer);
        Assert.Equal(model.Dimension, copy.Dimension);
        Assert.Equal(model.Features, copy.Features);
        Assert.True(model.Weights.SequenceEqual(copy.Weights));
    }

    [Fact]
    public void Read_RejectsFeaturesThisBuildDoesNotKnow()
    {
        using var buffer = new MemoryStream();
        Random(FeatureSet.All).Write(buffer);
        var bytes = buffer.ToArray();
        bytes[18] = 0x40; // flags word: a bit above every known block
        Assert.Throws<InvalidDataException>(() => LearnedModel.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void ABlockTheModelWasNotTrainedOn_IsNotRead()
    {
        // Same ask, different system prompt: only a model that reads the system block tells them apart.
        var plain = View("Summarise the meeting notes below in three bullets.");
        var withSystem = PromptView.Parse(Encoding.UTF8.GetBytes("""{"model":"auto","messages":[{"role":"system","content":"You are a meticulous legal assistant for contracts."},{"role":"user","content":"Summarise the meeting notes below in three bullets."}]}"""), PromptView.OpenAIProtocol);
        float[] Scores(LearnedModel model, PromptView view)
        {
            var outputs = new float[LearnedFeatures.Outputs];
            model.Score(view, HeuristicClassifier.ClassifyWithCues(view), outputs);
            return outputs;
        }

        // Dense rows are zero in these weights (the system prompt's length is a dense feature of every model).
        var all = Random(FeatureSet.All);
        var noSystem = new LearnedModel(all.Weights.ToArray(), all.Dimension, FeatureSet.All & ~FeatureSet.System);
        Assert.False(Scores(all, plain).SequenceEqual(Scores(all, withSystem)));
        Assert.Equal(Scores(noSystem, plain), Scores(noSystem, withSystem));
    }

    [Fact]
    public void TheAsk_ReadsAlike_AloneAndUnderLongMaterial()
    {
        // The ask block's words are the ask's, whether it comes alone or after 5,000 characters of pasted thread; the words'
        // block reads the thread too. Dense rows are zero in these weights (the lengths differ).
        const string ask = "Summarise this thread in three bullets.";
        var thread = string.Concat(Enumerable.Repeat("Ines: the van is booked for Friday, bring the folding chairs\\n", 100));
        var alone = View(ask);
        var under = View("\\n" + thread + "\\n" + ask);
        float[] Scores(FeatureSet features, PromptView view)
        {
            var all = Random(FeatureSet.All);
            var outputs = new float[LearnedFeatures.Outputs];
            new LearnedModel(all.Weights.ToArray(), all.Dimension, features).Score(view, HeuristicClassifier.ClassifyWithCues(view), outputs);
            return outputs;
        }

        Assert.True(under.LastUserChars.Length > 5000);
        Assert.Equal(Scores(FeatureSet.Ask, alone), Scores(FeatureSet.Ask, under));
        Assert.NotEqual(Scores(FeatureSet.Words, alone), Scores(FeatureSet.Words, under));
    }

    private static LearnedModel Random(FeatureSet features)
    {
        const int dimension = 1 << 12;
        var random = new Random(3);
        var weights = new float[dimension * LearnedFeatures.Outputs];
        for (var i = LearnedFeatures.DenseCount * LearnedFeatures.Outputs; i < weights.Length; i++)
        {
            weights[i] = (float)random.NextDouble() - 0.5f;
        }

        return new LearnedModel(weights, dimension, features);
    }

    [Fact]
    public void Read_RejectsAFileThatIsNotWeights()
    {
        using var junk = new MemoryStream(new byte[64]);
        Assert.Throws<InvalidDataException>(() => LearnedModel.Read(junk));
    }

    [Fact]
    public void BuiltInClassifier_IsTheCueScorerRefinedByTheModel()
    {
        var view = View("Prove that the square root of 2 is irrational, step by step.");
        var cues = HeuristicClassifier.ClassifyWithCues(view);
        var (task, complexity) = LearnedModel.Shipped!.Predict(view, cues);
        var got = HeuristicClassifier.Classify(view);
        Assert.Equal((task, complexity), (got.TaskType, got.Complexity));
        Assert.Equal(cues.Sensitive, got.Sensitive);
        Assert.Equal("heuristic", got.Source);
    }

    [Fact]
    public void Media_IsAlwaysVision()
    {
        var body = """{"model":"auto","messages":[{"role":"user","content":[{"type":"text","text":"write a poem about this"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}""";
        var view = PromptView.Parse(Encoding.UTF8.GetBytes(body), PromptView.OpenAIProtocol);
        Assert.Equal("vision", HeuristicClassifier.Classify(view).TaskType);
    }

    [Fact]
    public void Prediction_AllocatesNothing()
    {
        var view = View("Can you refactor this function so it handles empty lists? def f(xs): return xs[0]");
        var cues = HeuristicClassifier.ClassifyWithCues(view);
        var model = LearnedModel.Shipped!;
        model.Predict(view, cues);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            model.Predict(view, cues);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
