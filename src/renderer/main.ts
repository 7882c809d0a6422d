import { paintFirstScreen } from './boot/firstScreen'
import './styles/theme.css'
import './styles/base.css'

// The last first screen is painted from localStorage before the app's bundle runs
// (boot/firstScreen.ts); the bundle is asked for once that frame is out, since asking for it
// (preloading its chunks) would otherwise hold the frame back.
const start = () => void import('./startApp').then(({ startApp }) => startApp())
if (paintFirstScreen(window)) requestAnimationFrame(() => setTimeout(start))
else start()
