using Berth.Cli;

return await BerthApp.RunAsync(args, Console.Out, Console.Error);
