using System.CommandLine;
using Segments.Cli.Commands;

var root = new RootCommand("Segments: customer segmentation of shop order exports.")
{
    ScoreCommand.Create(),
    ValidateCommand.Create(),
    AnalyzeCommand.Create(),
    FitCommand.Create(),
    CohortsCommand.Create(),
    UploadCommand.Create(),
    GenerateCommand.Create(),
    RecommendCommand.Create(),
};

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
