using OpenQA.Selenium.Chrome;

namespace PositionManager.IntegrationTests.Console;

/// <summary>
/// Debian's chromium and chromium-driver (test.sh installs them with apt-get where missing), headless.
/// Both paths are given, so Selenium never looks for, or downloads, a browser or a driver of its own.
/// </summary>
internal static class SystemChromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        foreach (var required in new[] { Browser, Driver })
        {
            if (!File.Exists(required))
            {
                throw new InvalidOperationException($"{required} is missing: apt-get install chromium chromium-driver (./test.sh does)");
            }
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        // --no-sandbox: CI runs the tests as root, where chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1100", "--no-first-run", "--disable-extensions");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
