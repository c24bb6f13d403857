using Majordomo.Cli;

return await MajordomoCli.RunAsync(args).ConfigureAwait(false);
