using System.Text;
using Berth.Cli;

// Console.Out writes through a 256-byte buffer and flushes on every call: a lint report over many files would be thousands of
// write calls. Buffer standard output and flush it once at the end (standard error stays unbuffered).
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
try
{
    return await BerthApp.RunAsync(args, stdout, Console.Error);
}
finally
{
    await stdout.FlushAsync();
}
