import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider, SegmentedControl, createTheme } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const theme = createTheme({
  primaryColor: 'grape',
  defaultRadius: 'md',
  // The chosen option filled in colour, so it cannot be mistaken for the others.
  components: { SegmentedControl: SegmentedControl.extend({ defaultProps: { color: 'grape' } }) },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
