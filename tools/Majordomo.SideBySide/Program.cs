using Majordomo.SideBySide;

return args switch
{
    ["kinds", var oldDir, var newDir, var repo, var output] => KindDiff.Run(oldDir, newDir, repo, output),
    ["time", var oldDir, var newDir, var cases, var seconds] => AlternatingTimer.Run(oldDir, newDir, cases.Split(','), double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Majordomo.SideBySide kinds OLD_DIR NEW_DIR REPO OUT_TSV
                 SensitivePrefilter.Scan's kind from OLD_DIR's and NEW_DIR's Majordomo.Core.dll on the corpus (train and the
                 dev files not in corpus/blind-probes.txt) and the repository's files, raw and JSON-escaped; differences to OUT_TSV
               Majordomo.SideBySide time OLD_BENCH NEW_BENCH CASE[,CASE...] SECONDS
                 DecisionBenchmarks' cases (ShortPrompt, LongPrompt, EscapedToolOutput20k, ...) of two bench outputs, in
                 alternating batches of ten calls
        """);
    return 2;
}
