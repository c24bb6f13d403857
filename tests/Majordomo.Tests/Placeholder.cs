namespace Majordomo.Tests;
