using Majordomo.Train;

namespace Majordomo.Tests.Classification;

/// <summary>
/// The trainer's threshold calibration (<see cref="Calibration"/>, linked from tools/Majordomo.Train): how each recipe's
/// grouping, range and cap choose the offsets. Rows are made by hand: one threshold score moves, the two others sit far
/// below zero, so a row's level is 1 when its first score plus the offset is positive, else 0.
/// </summary>
public sealed class CalibrationTests
{
    private static readonly string[] Files = ["coding.jsonl", "sensitive-lookalikes-99.jsonl"];

    [Fact]
    public void Choose_NoRange_KeepsTheModelsThresholds()
    {
        var rows = Rows(0, level: 0, 1.5f, 2.5f);

        var offsets = Calibration.Choose(Recipe(CalibrationGroups.Pooled, range: 0), rows, Files);

        Assert.Equal([0f, 0f, 0f], offsets);
    }

    [Fact]
    public void Choose_RangeBoundsTheShift()
    {
        // Simple prompts read as medium: each 0.5 lower fixes one more, up to −2.5.
        var rows = Rows(0, level: 0, 0.5f, 1f, 1.5f, 2f, 2.5f);

        Assert.Equal(-2.5f, Calibration.Choose(Recipe(CalibrationGroups.Pooled, range: 3), rows, Files)[0]);
        Assert.Equal(-1f, Calibration.Choose(Recipe(CalibrationGroups.Pooled, range: 1), rows, Files)[0]);
    }

    [Fact]
    public void Choose_OriginalsOnly_ProbesDoNotMoveTheThresholds()
    {
        var rows = Conflict();

        Assert.Equal(-0.2f, Calibration.Choose(Recipe(CalibrationGroups.Pooled, range: 3), rows, Files)[0]);
        Assert.Equal(0f, Calibration.Choose(Recipe(CalibrationGroups.OriginalsOnly, range: 3), rows, Files)[0]);
    }

    [Fact]
    public void Choose_OriginalsVsProbes_TenfoldProbesWeighNoMore()
    {
        // Each group gains as much as the other loses, so it is a tie, and a tie keeps the offset nearer 0.
        Assert.Equal(0f, Calibration.Choose(Recipe(CalibrationGroups.OriginalsVsProbes, range: 3), Conflict(), Files)[0]);
    }

    [Fact]
    public void Choose_Cap_WeighsAFileByItsSizeUpToTheCap()
    {
        var rows = Conflict();

        Assert.Equal(-0.2f, Calibration.Choose(Recipe(CalibrationGroups.PerFile, range: 3, cap: 100), rows, Files)[0]);
        Assert.Equal(0f, Calibration.Choose(Recipe(CalibrationGroups.PerFile, range: 3, cap: 4), rows, Files)[0]);
    }

    /// <summary>Four medium prompts of an original file and forty simple ones of a probe, all at the same score: one offset cannot serve both.</summary>
    private static List<Calibration.Row> Conflict() =>
        [.. Rows(0, level: 1, Enumerable.Repeat(0.2f, 4).ToArray()), .. Rows(1, level: 0, Enumerable.Repeat(0.2f, 40).ToArray())];

    private static List<Calibration.Row> Rows(int file, int level, params float[] first) =>
        [.. first.Select((score, i) => new Calibration.Row([score, -5f, -5f], level, file, i))];

    private static CalibrationRecipe Recipe(CalibrationGroups groups, float range, int cap = 0) => new("test", groups, range, cap);
}
