using Majordomo.Classification;

namespace Majordomo.Train;

/// <summary>
/// <c>eval --weights FILE</c>: scores a weights file other than the shipped one (a temporary <c>train --out</c>), so
/// new train data can be measured on dev without committing weights.
/// </summary>
internal static class WeightsFile
{
    public static LearnedModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return LearnedModel.Read(stream);
    }
}
